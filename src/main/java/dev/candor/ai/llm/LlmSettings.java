package dev.candor.ai.llm;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Locale;

/**
 * Which chat model interviews, and how to reach it: a block such as {@code candor.llm}, with the provider's
 * own block (base URL, key, default model) beside the shared settings.
 *
 * @param baseUrl the provider's endpoint; for {@code openai} and {@code azure} up to and including the
 *     version ({@code https://api.openai.com/v1}, {@code https://NAME.openai.azure.com/openai/v1})
 * @param apiKey blank for servers that take none (Ollama, local OpenAI-compatible servers)
 * @param timeout for one model call; keep it below the session's interviewer timeout so the session sees the
 *     provider's error rather than its own
 */
public record LlmSettings(Provider provider, String model, String baseUrl, String apiKey, Duration timeout,
    double temperature, int maxTokens) {

  public enum Provider {
    RULE_BASED, OPENAI, ANTHROPIC, OLLAMA, AZURE;

    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Provider parse(String name) {
      String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      for (Provider p : values()) {
        if (p.configName().equals(wanted)) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "llm provider (LLM_PROVIDER) must be rule-based, openai, anthropic, ollama or azure, was '" + name + "'");
    }
  }

  public LlmSettings {
    apiKey = apiKey == null ? "" : apiKey.strip();
    if (provider != Provider.RULE_BASED && (model == null || model.isBlank())) {
      throw new IllegalArgumentException("llm model (LLM_MODEL) is required for provider " + provider.configName());
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("llm timeout (LLM_TIMEOUT) must be positive, was " + timeout);
    }
  }

  /**
   * From a block such as {@code candor.llm}. A blank top-level {@code model} takes the provider block's; the
   * rule-based provider reads no provider block.
   */
  public static LlmSettings from(Config c) {
    Provider provider = Provider.parse(c.getString("provider"));
    Duration timeout = c.getDuration("timeout");
    double temperature = c.getDouble("temperature");
    int maxTokens = c.getInt("max-tokens");
    if (provider == Provider.RULE_BASED) {
      return new LlmSettings(provider, "", "", "", timeout, temperature, maxTokens);
    }
    Config p = c.getConfig(provider.configName());
    String model = c.getString("model").isBlank() ? p.getString("model") : c.getString("model");
    String apiKey = p.hasPath("api-key") ? p.getString("api-key") : "";
    return new LlmSettings(provider, model.strip(), p.getString("base-url").strip(), apiKey, timeout, temperature,
        maxTokens);
  }
}
