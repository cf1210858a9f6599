package dev.candor.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.WsClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** LLM_PROVIDER=openai wired into a node: the interview's questions are the model's. */
class LlmThroughTheServerTest {

  @Test
  void aNodeOnAnOpenAiCompatibleServerAsksTheModelsQuestions() throws Exception {
    try (FakeChatServer model = new FakeChatServer()) {
      model.openAi(LanguageModelInterviewerTest.plan().toString());
      Candor server = Candor.start(ConfigFactory.parseString("candor.llm { provider = openai\nopenai { base-url = \""
              + model.url("/v1") + "\"\napi-key = sk-test\nmodel = gpt-test } }\ncandor.interview.question-count = 5")
          .withFallback(TestConfigs.node(TestDatabase.fresh())));
      try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/llm-" + UUID.randomUUID() + "?protocol=openhire")) {
        ws.send("{\"type\":\"start_interview\",\"data\":{\"job_id\":\"ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3\","
            + "\"candidate_id\":\"test-candidate\"}}");
        JsonNode started = ws.next("interview_started").get("data");
        assertEquals("Tell me about your path into backend engineering and your work at Acme.",
            started.get("initial_question").asText());
        FakeChatServer.Recorded request = model.requests().get(0);
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer sk-test", request.header("Authorization"));
        assertTrue(request.body().contains("exactly 5 interview questions"), request.body());
      } finally {
        server.close();
      }
    }
  }
}
