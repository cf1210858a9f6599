package dev.candor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST side of a node on PostgreSQL, through a real HTTP client: health, jobs, candidates, the analyser. */
class RestApiTest {

  private static Candor server;
  private static HttpJson http;

  @BeforeAll
  static void startServer() throws Exception {
    server = Candor.start(TestConfigs.node(TestDatabase.fresh()));
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void healthAndReadiness() throws Exception {
    HttpJson.Response health = http.get("/health");
    assertEquals(200, health.status());
    assertEquals("healthy", health.body().get("status").asText());
    HttpJson.Response ready = http.get("/ready");
    assertEquals(200, ready.status(), ready.raw());
    assertEquals("ready", ready.body().get("status").asText());
  }

  @Test
  void theSeedsTestJobIsInEveryFreshDatabase() throws Exception {
    HttpJson.Response job = http.get("/api/jobs/ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3");
    assertEquals(200, job.status());
    assertEquals("Senior Frontend Developer", job.body().get("title").asText());
    assertTrue(job.body().get("skills_required").size() >= 5);
    assertFalse(job.body().get("requirements").asText().isBlank());
  }

  @Test
  void aJobIsStoredAndReadBackWithSeedFieldNames() throws Exception {
    HttpJson.Response created = http.post("/api/jobs", HttpJson.json(Map.of(
        "title", "Platform Engineer",
        "company", "Streamly",
        "description", "Run our event pipeline.",
        "requirements", "Kafka in production\nJava 17",
        "location", "Remote",
        "salary_range", "$140k",
        "experience_level", "Mid",
        "skills_required", List.of("Kafka", "Java"))));
    assertEquals(201, created.status(), created.raw());
    String id = created.body().get("id").asText();
    assertEquals(36, id.length());
    for (String field : List.of("id", "title", "description", "requirements", "company", "location", "salary_range",
        "experience_level", "skills_required", "created_at")) {
      assertTrue(created.body().has(field), field);
    }
    JsonNode read = http.get("/api/jobs/" + id).body();
    assertEquals(created.body(), read);
    JsonNode list = http.get("/api/jobs?limit=100").body();
    assertTrue(list.isArray());
    assertTrue(list.findValuesAsText("id").contains(id));
  }

  @Test
  void badJobBodiesGet400WithAReason() throws Exception {
    assertBad(http.post("/api/jobs", "{\"title\":"), 400, "Invalid JSON");
    assertBad(http.post("/api/jobs", "{\"company\":\"Nameless\"}"), 400, "title is required");
    assertBad(http.post("/api/jobs", "{\"title\":\"T\",\"skills_required\":\"Kafka\"}"), 400, "skills_required must be an array");
    assertBad(http.post("/api/jobs", "{\"title\":42}"), 400, "title must be a string");
    assertBad(http.post("/api/jobs", "[]"), 400, "must be a JSON object");
    assertBad(http.post("/api/jobs", "{\"title\":\"T\",\"id\":\"has spaces\"}"), 400, "id must be");
    assertBad(http.get("/api/jobs?limit=0"), 400, "limit must be between");
    assertBad(http.get("/api/jobs/not-there"), 404, "Job with ID not-there not found");
    assertBad(http.post("/api/jobs", "{\"title\":\"" + "x".repeat(300_000) + "\"}"), 413, "too large");
    assertEquals(201, http.post("/api/jobs", "{\"title\":\"Once\",\"id\":\"fixed-job-id\"}").status());
    assertBad(http.post("/api/jobs", "{\"title\":\"Twice\",\"id\":\"fixed-job-id\"}"), 409, "already exists");
  }

  @Test
  void candidatesAreStoredAndValidated() throws Exception {
    HttpJson.Response created = http.post("/api/candidates", HttpJson.json(Map.of(
        "name", "Grace Hopper", "email", "grace@example.com", "resume_text", "COBOL, compilers",
        "skills", List.of("COBOL"))));
    assertEquals(201, created.status(), created.raw());
    JsonNode read = http.get("/api/candidates/" + created.body().get("id").asText()).body();
    assertEquals("Grace Hopper", read.get("name").asText());
    assertEquals(List.of("COBOL"), List.of(read.get("skills").get(0).asText()));
    assertTrue(read.has("resume_url") && read.has("experience") && read.has("education") && read.has("created_at"));
    assertEquals("John Doe", http.get("/api/candidates/test-candidate").body().get("name").asText());

    assertBad(http.post("/api/candidates", "{\"email\":\"x@y.z\"}"), 400, "name is required");
    assertBad(http.post("/api/candidates", "{\"name\":\"A\",\"email\":\"not-an-email\"}"), 400, "email is not an email");
    assertBad(http.get("/api/candidates/ghost"), 404, "Candidate with ID ghost not found");
  }

  @Test
  void theAnalyserScoresOneAnswerOnItsOwn() throws Exception {
    String job = HttpJson.json(SampleData.seniorEngineer());
    HttpJson.Response strong = http.post("/api/analyze-answer", "{\"question\":\"Tell me about a time you fixed a "
        + "production problem.\",\"answer\":" + HttpJson.json(SampleData.strongAnswer()) + ",\"questionType\":\"behavioral\","
        + "\"job\":" + job + ",\"durationSeconds\":40}");
    assertEquals(200, strong.status(), strong.raw());
    JsonNode analysis = strong.body();
    assertFalse(analysis.has("questionId"), "no interview question, so no questionId");
    for (String field : List.of("score", "star", "keywordsFound", "fillerWords", "timeSpent", "feedback", "suggestions")) {
      assertTrue(analysis.has(field), field);
    }
    assertTrue(analysis.get("star").get("result").asBoolean());
    assertEquals(40, analysis.get("timeSpent").asDouble(), 0.001);
    assertTrue(analysis.get("wordsPerMinute").asDouble() > 0);

    HttpJson.Response vague = http.post("/api/analyze-answer",
        "{\"question\":\"Tell me about a time you fixed a production problem.\",\"answer\":\"Um, I fix stuff, like, a lot.\"}");
    assertTrue(analysis.get("score").asInt() > vague.body().get("score").asInt());

    HttpJson.Response empty = http.post("/api/analyze-answer", "{\"question\":\"Why this role?\",\"answer\":\"\"}");
    assertEquals(0, empty.body().get("score").asInt());
    assertTrue(empty.body().get("noAnswer").asBoolean());

    assertBad(http.post("/api/analyze-answer", "{\"answer\":\"x\"}"), 400, "question is required");
    assertBad(http.post("/api/analyze-answer", "{\"question\":\"Q?\"}"), 400, "answer is required");
    assertBad(http.post("/api/analyze-answer", "{\"question\":\"Q?\",\"answer\":\"x\",\"questionType\":\"trivia\"}"), 400,
        "questionType must be one of");
    assertBad(http.post("/api/analyze-answer", "{\"question\":\"Q?\",\"answer\":\"x\",\"durationSeconds\":-1}"), 400,
        "durationSeconds");
    assertBad(http.post("/api/analyze-answer", "{\"question\":\"Q?\",\"answer\":\"x\",\"job\":{\"requirements\":5}}"), 400,
        "job is not a valid job posting");
  }

  @Test
  void unknownPathsAndSessionsAnswerInJson() throws Exception {
    HttpJson.Response unknown = http.get("/api/nothing-here");
    assertEquals(404, unknown.status());
    assertTrue(unknown.contentType().startsWith("application/json"), unknown.contentType());
    assertTrue(unknown.body().has("detail"));
    assertBad(http.get("/api/sessions/never-started"), 404, "not found");
    assertBad(http.get("/api/sessions/bad.id"), 400, "Invalid session id");
  }

  private static void assertBad(HttpJson.Response response, int status, String detail) {
    assertEquals(status, response.status(), response.raw());
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    assertTrue(response.body().get("detail").asText().contains(detail), response.raw());
  }
}
