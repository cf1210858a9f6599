package dev.candor.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.candor.interview.RuleBasedInterviewer;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each provider's adapter against a loopback server speaking that provider's wire format. */
class ChatModelsTest {

  /** The block proposed for {@code candor.llm}, with the environment overrides left out. */
  static final String BLOCK = """
      provider = rule-based
      model = ""
      timeout = 30s
      temperature = 0.2
      max-tokens = 4096
      openai { base-url = "https://api.openai.com/v1", api-key = "", model = gpt-4o-mini }
      azure { base-url = "", api-key = "", model = "" }
      anthropic { base-url = "https://api.anthropic.com/v1/", api-key = "", model = claude-3-5-haiku-latest }
      ollama { base-url = "http://localhost:11434", model = "llama3.1" }
      """;

  private FakeChatServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static LlmSettings settings(LlmSettings.Provider provider, String baseUrl, String key) {
    return new LlmSettings(provider, "model-x", baseUrl, key, Duration.ofSeconds(5), 0.2, 1000);
  }

  @Test
  void openAiSendsTheModelTheMessagesJsonModeAndABearerKey() {
    server.openAi("{\"ok\":true}");
    ChatModel model = ChatModels.create(settings(LlmSettings.Provider.OPENAI, server.url("/v1"), "sk-test"));

    assertEquals("{\"ok\":true}", model.chat("hello"));

    FakeChatServer.Recorded request = server.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/v1/chat/completions", request.path());
    assertEquals("Bearer sk-test", request.header("Authorization"));
    JsonNode body = request.json();
    assertEquals("model-x", body.path("model").asText());
    assertEquals("json_object", body.path("response_format").path("type").asText());
    assertEquals(0.2, body.path("temperature").asDouble());
    assertEquals("user", body.path("messages").get(0).path("role").asText());
    assertEquals("hello", body.path("messages").get(0).path("content").asText());
  }

  @Test
  void azureGoesThroughTheOpenAiAdapterWithAnApiKeyHeader() {
    server.openAi("{}");
    ChatModel model = ChatModels.create(settings(LlmSettings.Provider.AZURE, server.url("/openai/v1"), "az-key"));

    model.chat("hello");

    FakeChatServer.Recorded request = server.requests().get(0);
    assertEquals("/openai/v1/chat/completions", request.path());
    assertEquals("az-key", request.header("api-key"));
    assertNull(request.header("Authorization"), "Azure keys go in api-key, not as a bearer token");
    assertEquals("model-x", request.json().path("model").asText());
  }

  @Test
  void anthropicSendsTheKeyTheVersionTheSystemPromptAndMaxTokens() {
    server.anthropic("{\"ok\":true}");
    ChatModel model = ChatModels.create(settings(LlmSettings.Provider.ANTHROPIC, server.url("/v1/"), "ant-key"));

    String reply = model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
        .messages(dev.langchain4j.data.message.SystemMessage.from("be brief"),
            dev.langchain4j.data.message.UserMessage.from("hello"))
        .build()).aiMessage().text();

    assertEquals("{\"ok\":true}", reply);
    FakeChatServer.Recorded request = server.requests().get(0);
    assertEquals("/v1/messages", request.path());
    assertEquals("ant-key", request.header("x-api-key"));
    assertNotNull(request.header("anthropic-version"));
    JsonNode body = request.json();
    assertEquals("model-x", body.path("model").asText());
    assertEquals(1000, body.path("max_tokens").asInt());
    assertTrue(body.path("system").toString().contains("be brief"), body.toString());
    assertEquals("user", body.path("messages").get(0).path("role").asText());
  }

  @Test
  void ollamaAsksForJsonWithoutStreaming() {
    server.ollama("{\"ok\":true}");
    ChatModel model = ChatModels.create(settings(LlmSettings.Provider.OLLAMA, server.url(""), ""));

    assertEquals("{\"ok\":true}", model.chat("hello"));

    FakeChatServer.Recorded request = server.requests().get(0);
    assertEquals("/api/chat", request.path());
    JsonNode body = request.json();
    assertEquals("model-x", body.path("model").asText());
    assertEquals("json", body.path("format").asText());
    assertEquals(false, body.path("stream").asBoolean(true));
    assertEquals(1000, body.path("options").path("num_predict").asInt());
  }

  @Test
  void settingsTakeTheProviderBlockAndTheTopLevelModelWins() {
    Config base = ConfigFactory.parseString(BLOCK);

    LlmSettings anthropic = LlmSettings.from(ConfigFactory.parseString("provider = anthropic, anthropic.api-key = k")
        .withFallback(base));
    assertEquals(LlmSettings.Provider.ANTHROPIC, anthropic.provider());
    assertEquals("claude-3-5-haiku-latest", anthropic.model());
    assertEquals("https://api.anthropic.com/v1/", anthropic.baseUrl());
    assertEquals("k", anthropic.apiKey());
    assertEquals(Duration.ofSeconds(30), anthropic.timeout());

    LlmSettings ollama = LlmSettings.from(ConfigFactory.parseString("provider = OLLAMA, model = qwen2.5")
        .withFallback(base));
    assertEquals("qwen2.5", ollama.model());
    assertEquals("", ollama.apiKey());
  }

  @Test
  void ruleBasedNeedsNoModelAndBuildsTheRuleBasedInterviewer() {
    LlmSettings rules = LlmSettings.from(ConfigFactory.parseString(BLOCK));
    assertInstanceOf(RuleBasedInterviewer.class, ChatModels.interviewer(rules));

    LlmSettings openAi = LlmSettings.from(ConfigFactory.parseString("provider = openai").withFallback(
        ConfigFactory.parseString(BLOCK)));
    assertInstanceOf(LanguageModelInterviewer.class, ChatModels.interviewer(openAi));
  }

  @Test
  void badSettingsAreRefusedAtStart() {
    Config base = ConfigFactory.parseString(BLOCK);
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> LlmSettings.from(ConfigFactory.parseString("provider = gemini").withFallback(base)));
    assertTrue(unknown.getMessage().contains("LLM_PROVIDER"), unknown.getMessage());
    IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
        () -> LlmSettings.from(ConfigFactory.parseString("provider = azure").withFallback(base)));
    assertTrue(noModel.getMessage().contains("LLM_MODEL"), noModel.getMessage());
  }
}
