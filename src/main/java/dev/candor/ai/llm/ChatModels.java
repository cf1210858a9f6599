package dev.candor.ai.llm;

import dev.candor.interview.Interviewer;
import dev.candor.interview.RuleBasedInterviewer;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;

/**
 * Builds the langchain4j chat model for {@link LlmSettings}.
 *
 * <p>Every model is built with {@code maxRetries(0)}: langchain4j would otherwise retry 429s and 5xx on its own,
 * under the session's worker timeout, and the session already retries a failed call with backoff.
 *
 * <p>Azure OpenAI goes through the OpenAI adapter: {@code langchain4j-azure-open-ai} is not served by the
 * registry this project builds from, and Azure's {@code /openai/v1} surface speaks the OpenAI wire format, with
 * the deployment name as the model and the key in an {@code api-key} header instead of a bearer token.
 */
public final class ChatModels {

  private ChatModels() {}

  /** The interviewer the settings ask for: the rule-based one, or a language model with it as the fallback. */
  public static Interviewer interviewer(LlmSettings settings) {
    if (settings.provider() == LlmSettings.Provider.RULE_BASED) {
      return new RuleBasedInterviewer();
    }
    return new LanguageModelInterviewer(create(settings), new RuleBasedInterviewer(),
        settings.provider().name().toLowerCase(java.util.Locale.ROOT) + ":" + settings.model());
  }

  public static ChatModel create(LlmSettings s) {
    return switch (s.provider()) {
      case OPENAI -> openAi(s).apiKey(s.apiKey().isEmpty() ? null : s.apiKey()).build();
      case AZURE -> openAi(s).customHeaders(Map.of("api-key", s.apiKey())).build();
      case ANTHROPIC -> AnthropicChatModel.builder()
          .baseUrl(s.baseUrl())
          .apiKey(s.apiKey())
          .modelName(s.model())
          .temperature(s.temperature())
          .maxTokens(s.maxTokens())
          .timeout(s.timeout())
          .maxRetries(0)
          .build();
      case OLLAMA -> OllamaChatModel.builder()
          .baseUrl(s.baseUrl())
          .modelName(s.model())
          .temperature(s.temperature())
          .numPredict(s.maxTokens())
          .responseFormat(ResponseFormat.JSON)
          .timeout(s.timeout())
          .maxRetries(0)
          .build();
      case RULE_BASED -> throw new IllegalArgumentException("the rule-based interviewer has no chat model");
    };
  }

  private static OpenAiChatModel.OpenAiChatModelBuilder openAi(LlmSettings s) {
    return OpenAiChatModel.builder()
        .baseUrl(s.baseUrl())
        .modelName(s.model())
        .temperature(s.temperature())
        .maxTokens(s.maxTokens())
        .responseFormat(ResponseFormat.JSON)
        .timeout(s.timeout())
        .maxRetries(0);
  }
}
