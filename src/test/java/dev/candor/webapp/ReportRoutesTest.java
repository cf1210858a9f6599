package dev.candor.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestServers;
import dev.candor.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report's PDF and its read-only links, over real HTTP, for anonymous and signed-in interviews. */
class ReportRoutesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Candor server;
  private static HttpJson http;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.node("candor.speech.tts-provider = none\ncandor.speech.stt-provider = none");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<byte[]> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode until(WsClient client, String event) throws Exception {
    while (true) {
      JsonNode message = client.next();
      if (message.path("event").asText().equals(event)) {
        return message.path("data");
      }
      assertTrue(!message.path("event").asText().equals("error"), message.toString());
    }
  }

  /** An interview with one typed answer, ended; its id. */
  private static String finishedInterview(String token, boolean finish) throws Exception {
    try (WsClient client = WsClient.connect(server.httpPort(), "/ws/app" + (token == null ? "" : "?token=" + token))) {
      ObjectNode start = MAPPER.createObjectNode().put("event", "start_interview");
      start.set("data", MAPPER.readTree(SampleData.seed000StartInterview().toString()));
      client.send(start.toString());
      String sessionId = until(client, "interview_session").path("sessionId").asText();
      String first = until(client, "questions_generated").get(0).path("id").asText();
      ObjectNode answer = MAPPER.createObjectNode().put("event", "submit_answer");
      answer.set("data", MAPPER.createObjectNode().put("questionId", first).put("answer", SampleData.strongAnswer()));
      client.send(answer.toString());
      until(client, "answer_analyzed");
      if (finish) {
        client.send("{\"event\": \"complete_interview\", \"data\": {}}");
        until(client, "interview_complete");
      }
      return sessionId;
    }
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void anAnonymousReportAsAPdfAndAsALinkUntilItIsRevoked() throws Exception {
    String id = finishedInterview(null, true);

    HttpResponse<byte[]> pdf = send("GET", "/api/reports/" + id + "/pdf", null);
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("candor-report.pdf"));
    String text = pdfText(pdf.body());
    JsonNode report = http.get("/api/sessions/" + id).body();
    assertTrue(text.contains("Overall score"), text);
    assertTrue(text.contains("checkout service"), "the answer itself: " + text);
    assertTrue(text.contains("Each answer") && text.contains("Strengths"), text);

    HttpJson.Response link = http.post("/api/reports/" + id + "/shares", "");
    assertEquals(201, link.status(), link.raw());
    String token = link.body().path("token").asText();
    assertTrue(token.length() >= 40, "an unguessable token: " + token);
    assertEquals("/shared/" + token, link.body().path("url").asText());
    HttpJson.Response shared = http.get("/api/shared/" + token);
    assertEquals(200, shared.status(), shared.raw());
    assertEquals("Senior Software Engineer", shared.body().path("jobTitle").asText(), shared.raw());
    assertEquals(8, shared.body().path("report").path("questions").size());
    assertTrue(shared.body().path("report").path("overallScore").asInt() > 0, report.toString());
    assertEquals(200, send("GET", "/api/shared/" + token + "/pdf", null).statusCode());
    assertEquals(200, http.get("/shared/" + token).status(), "the read-only page");

    assertEquals(204, send("DELETE", "/api/reports/" + id + "/shares/" + token, null).statusCode());
    assertEquals(404, http.get("/api/shared/" + token).status(), "revoked");
    assertEquals(404, send("GET", "/api/shared/" + token + "/pdf", null).statusCode());
    assertEquals(404, send("DELETE", "/api/reports/" + id + "/shares/" + token, null).statusCode(), "already revoked");
    assertEquals(404, http.get("/api/shared/no-such-token").status());
  }

  @Test
  void unknownUnfinishedAndOtherPeoplesReportsAreRefused() throws Exception {
    assertEquals(404, send("GET", "/api/reports/" + UUID.randomUUID() + "/pdf", null).statusCode());
    assertEquals(404, send("GET", "/api/reports/not%20an%20id/pdf", null).statusCode());
    String running = finishedInterview(null, false);
    HttpJson.Response early = http.post("/api/reports/" + running + "/shares", "");
    assertEquals(409, early.status(), early.raw());
    assertTrue(early.raw().contains("no report yet"), early.raw());

    String owner = signIn("owner-" + UUID.randomUUID() + "@example.com");
    String other = signIn("other-" + UUID.randomUUID() + "@example.com");
    String owned = finishedInterview(owner, true);
    assertEquals(404, send("GET", "/api/reports/" + owned + "/pdf", null).statusCode(), "no token");
    assertEquals(404, send("GET", "/api/reports/" + owned + "/pdf", other).statusCode(), "another user");
    assertEquals(404, send("POST", "/api/reports/" + owned + "/shares", other).statusCode());
    assertEquals(200, send("GET", "/api/reports/" + owned + "/pdf", owner).statusCode());
    HttpResponse<byte[]> link = send("POST", "/api/reports/" + owned + "/shares", owner);
    assertEquals(201, link.statusCode());
    String token = MAPPER.readTree(link.body()).path("token").asText();
    assertEquals(404, send("DELETE", "/api/reports/" + owned + "/shares/" + token, other).statusCode(), "only its owner");
    assertEquals(404, send("DELETE", "/api/reports/" + owned + "/shares/" + token, null).statusCode());
    assertEquals(200, http.get("/api/shared/" + token).status(), "the link still works");
    assertEquals(204, send("DELETE", "/api/reports/" + owned + "/shares/" + token, owner).statusCode());
  }

  private static String signIn(String email) throws Exception {
    http.post("/api/auth/signup", HttpJson.json(Map.of("email", email, "password", "correct horse battery")));
    return http.post("/api/auth/signin", HttpJson.json(Map.of("email", email, "password", "correct horse battery")))
        .body().path("token").asText();
  }
}
