package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.Candor;
import dev.candor.testing.Documents;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestServers;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's interview as its frontend holds it (the document's "Suggested Frontend Flow", plus what the real
 * frontend does beyond it: question_id from next-question, skip that advances by itself, the TTS path without a
 * leading slash fetched without a token, report polling while "processing", the history list), over HTTP against
 * a node with the embedded speech engines, and every error row of the document.
 */
class LifecycleInterviewContractTest {

  private static final String ANSWER = "When our payment service slowed down I profiled the database queries, added an "
      + "index and a cache, and the latency fell by sixty percent";
  private static final String JOB = """
      Senior Backend Engineer at Acme Payments

      Requirements:
      - 5+ years of Java or Kotlin
      - Experience with PostgreSQL and Kafka
      - Kubernetes in production

      Responsibilities:
      - Own the payments platform
      - Mentor engineers
      """;
  private static final long MAX_VIDEO = 2L * 1024 * 1024;

  private static Candor server;
  private static HttpJson http;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static byte[] video;
  /** Safari's container; with Opus, since no Java encoder of AAC or H.264 is at hand (the decoder's tests cover AAC). */
  private static byte[] mp4;

  @BeforeAll
  static void start() throws Exception {
    short[] speech = CandidateVoice.say(ANSWER);
    video = BrowserRecording.webmWithVideo(speech);
    mp4 = BrowserRecording.mp4(speech);
    server = TestServers.speaking("candor.lifecycle.max-video = " + MAX_VIDEO + "\ncandor.lifecycle.tts-max-chars = 300");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theSuggestedFrontendFlowRunsEndToEndWithVideoAnswers() throws Exception {
    String token = register();
    JsonNode created = send("POST", "/interviews/create", token, multipart(Map.of("resume", resumePdf()),
        Map.of("job_description", JOB))).body();
    String id = created.get("interview_id").asText();
    assertEquals("created", created.get("status").asText());

    HttpJson.Response setUp = send("POST", "/interviews/" + id + "/setup-ai", token, null);
    assertEquals(200, setUp.status(), setUp.raw());
    assertEquals("AI setup completed", setUp.body().get("message").asText());
    assertEquals(5, setUp.body().get("questions_count").asInt());
    HttpJson.Response again = send("POST", "/interviews/" + id + "/setup-ai", token, null);
    assertEquals(400, again.status());
    assertEquals("AI setup already completed", again.body().get("detail").asText());

    assertEquals(400, send("POST", "/interviews/" + id + "/start?voice=robot", token, null).status());
    HttpJson.Response started = send("POST", "/interviews/" + id + "/start?voice=female", token, null);
    assertEquals(200, started.status(), started.raw());
    assertEquals("Interview started", started.body().get("message").asText());
    assertEquals("female", started.body().get("voice").asText());

    List<String> questionIds = new ArrayList<>();
    for (int number = 1; ; number++) {
      JsonNode next = send("GET", "/interviews/" + id + "/next-question", token, null).body();
      if (next.has("message")) {
        assertEquals("Interview completed", next.get("message").asText());
        break;
      }
      assertEquals(number, next.get("question_number").asInt());
      assertEquals("female", next.get("voice").asText());
      String questionId = next.get("question_id").asText();
      questionIds.add(questionId);
      if (number == 1) {
        playQuestion(token, next.get("question_text").asText());
      }
      if (number == 3) {
        // The frontend's skip: no answer-complete after it.
        HttpJson.Response skipped = send("POST", "/interviews/" + id + "/questions/" + questionId + "/skip", token, null);
        assertEquals(200, skipped.status(), skipped.raw());
        continue;
      }
      if (number != 4) {
        // Question 4 has an empty recording: the frontend skips the upload and still says the answer is complete.
        Part recording = number == 2 ? new Part("answer.mp4", "video/mp4", mp4) : new Part("answer.webm", "video/webm", video);
        HttpJson.Response uploaded = send("POST", "/interviews/" + id + "/questions/" + questionId + "/upload-video", token,
            multipart(Map.of("video", recording), Map.of()));
        assertEquals(200, uploaded.status(), uploaded.raw());
        assertEquals("Video uploaded successfully. Processing started.", uploaded.body().get("message").asText());
      }
      HttpJson.Response completed = send("POST", "/interviews/" + id + "/answer-complete", token, null);
      assertEquals(200, completed.status(), completed.raw());
      assertEquals("Answer recorded, moving to next question", completed.body().get("message").asText());
    }
    assertEquals(5, questionIds.size());
    assertEquals(5, new HashSet<>(questionIds).size());

    JsonNode report = pollReport(token, id);
    assertEquals("completed", report.get("status").asText(), report.toString());
    assertTrue(Set.of("HIRE", "BORDERLINE", "REJECT").contains(report.get("decision").asText()));
    for (String score : List.of("technical", "communication", "behavior")) {
      double value = report.at("/scores/" + score).asDouble(-1);
      assertTrue(value >= 0 && value <= 100, score + " " + value);
    }
    assertTrue(report.get("strengths").isArray() && report.get("gaps").isArray());
    assertFalse(report.get("summary").asText().isBlank());
    JsonNode questions = report.get("questions");
    assertEquals(5, questions.size());
    for (int i = 0; i < 5; i++) {
      JsonNode question = questions.get(i);
      assertEquals(questionIds.get(i), question.get("question_id").asText());
      assertFalse(question.get("feedback").asText().isBlank());
      boolean answered = i != 2 && i != 3;
      assertEquals(answered, question.get("accuracy").asInt() > 0, "question " + (i + 1) + ": " + question);
    }

    for (int answered : new int[] {0, 1, 4}) {
      HttpJson.Response heard = send("POST", "/interviews/" + id + "/questions/" + questionIds.get(answered) + "/analyze", token, null);
      assertEquals(200, heard.status(), heard.raw());
      double wer = WordErrorRate.of(ANSWER, heard.body().get("transcript").asText());
      assertTrue(wer <= 0.35, "question " + (answered + 1) + ", WER " + wer + ": " + heard.body().get("transcript"));
    }
    HttpJson.Response analysis = send("POST", "/interviews/" + id + "/questions/" + questionIds.get(0) + "/analyze", token, null);
    assertTrue(analysis.body().get("emotion").isNull(), "nothing is guessed from a face");
    assertTrue(Set.of("low", "medium", "high").contains(analysis.body().get("confidence").asText()));
    JsonNode score = send("POST", "/interviews/" + id + "/questions/" + questionIds.get(0) + "/score", token, null).body();
    assertEquals("Scoring completed", score.get("message").asText());
    assertEquals(questions.get(0).get("accuracy").asInt(), score.at("/score/accuracy").asInt());
    HttpJson.Response skippedScore = send("POST", "/interviews/" + id + "/questions/" + questionIds.get(2) + "/score", token, null);
    assertEquals(400, skippedScore.status());
    assertTrue(skippedScore.body().get("detail").asText().startsWith("Answer not ready for scoring"), skippedScore.raw());

    JsonNode history = send("GET", "/interviews", token, null).body().get("interviews");
    JsonNode listed = null;
    for (JsonNode item : history) {
      if (item.get("interview_id").asText().equals(id)) {
        listed = item;
      }
    }
    assertTrue(listed != null, history.toString());
    assertEquals("completed", listed.get("report_status").asText());
    assertFalse(listed.get("label").asText().isBlank());
    Instant.parse(listed.get("started_at").asText());

    // Another user sees none of it.
    String stranger = register();
    for (String path : List.of("/report", "/next-question")) {
      assertEquals(404, send("GET", "/interviews/" + id + path, stranger, null).status(), path);
    }
    assertEquals(404, send("POST", "/interviews/" + id + "/end", stranger, null).status());
    assertEquals(0, send("GET", "/interviews", stranger, null).body().get("interviews").size());
  }

  @Test
  void eachStepOutOfOrderIsA400WithItsReason() throws Exception {
    String token = register();
    byte[] docx = Documents.docx(List.of("Sam Lee", "sam@example.com", "Experience", "Backend Engineer, Initech",
        "2020 - 2024", "Built billing services in Java and PostgreSQL", "Skills", "Java, PostgreSQL, Docker"), List.of());
    String id = send("POST", "/interviews/create", token, multipart(Map.of("resume", new Part("cv.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx)), Map.of("job_description", JOB)))
        .body().get("interview_id").asText();

    assertDetail(send("POST", "/interviews/" + id + "/start?voice=male", token, null), 400, "not ready to start");
    assertDetail(send("GET", "/interviews/" + id + "/next-question", token, null), 400, "Interview not in progress");
    assertDetail(send("POST", "/interviews/" + id + "/answer-complete", token, null), 400, "not in progress");
    assertDetail(send("POST", "/interviews/" + id + "/end", token, null), 400, "not in progress");
    assertDetail(send("GET", "/interviews/" + id + "/report", token, null), 400, "has not ended");

    send("POST", "/interviews/" + id + "/setup-ai", token, null);
    assertDetail(send("POST", "/interviews/" + id + "/start", token, null), 400, "Invalid voice");
    send("POST", "/interviews/" + id + "/start?voice=male", token, null);
    assertDetail(send("POST", "/interviews/" + id + "/start?voice=male", token, null), 400, "already started");
    String current = send("GET", "/interviews/" + id + "/next-question", token, null).body().get("question_id").asText();
    assertDetail(send("POST", "/interviews/" + id + "/questions/q99_nothing/upload-video", token,
        multipart(Map.of("video", new Part("answer.webm", "video/webm", video)), Map.of())), 404, "Question not found");
    assertDetail(send("POST", "/interviews/" + id + "/questions/" + current + "/upload-video", token,
        multipart(Map.of(), Map.of("note", "no file"))), 400, "'video'");
    HttpJson.Response oversize = http.startHugeUpload("/interviews/" + id + "/questions/" + current + "/upload-video", "video",
        "answer.webm", "video/webm", 50L * 1024 * 1024, 64 * 1024, "Authorization: Bearer " + token + "\r\n");
    assertEquals(413, oversize.status(), oversize.raw());
    assertTrue(oversize.body().get("detail").asText().contains("2 MB"), oversize.raw());

    assertEquals(200, send("POST", "/interviews/" + id + "/end", token, null).status());
    assertDetail(send("POST", "/interviews/" + id + "/end", token, null), 400, "already ended");
    assertEquals("Interview completed", send("GET", "/interviews/" + id + "/next-question", token, null).body()
        .get("message").asText());
    JsonNode report = pollReport(token, id);
    assertEquals("incomplete", report.get("status").asText(), report.toString());
    assertEquals("Interview answers not found", report.get("message").asText());
  }

  @Test
  void badRequestsAreRefusedWithAReasonAndLoseNothing() throws Exception {
    String token = register();
    assertEquals(401, send("POST", "/interviews/create", null, multipart(Map.of("resume", resumePdf()),
        Map.of("job_description", JOB))).status());
    assertEquals(401, send("GET", "/interviews", "not.a.token", null).status());
    assertDetail(send("POST", "/interviews/create", token, multipart(Map.of("resume", new Part("cv.txt", "text/plain",
        "Jane Smith\nJava engineer".getBytes(StandardCharsets.UTF_8))), Map.of("job_description", JOB))), 400,
        "Failed to read the resume");
    assertDetail(send("POST", "/interviews/create", token, multipart(Map.of("resume", resumePdf()), Map.of())), 400,
        "job_description");
    assertDetail(send("POST", "/interviews/create", token, multipart(Map.of(), Map.of("job_description", JOB))), 400,
        "'resume'");
    assertEquals(0, send("GET", "/interviews", token, null).body().get("interviews").size(), "no half-made interview");
    assertDetail(send("GET", "/interviews/" + UUID.randomUUID() + "/report", token, null), 404, "Interview not found");
    assertDetail(send("GET", "/interviews/not-an-id/next-question", token, null), 404, "Interview not found");

    assertEquals(401, send("POST", "/tts/generate", null, json(Map.of("text", "Hello", "voice", "female"))).status());
    assertDetail(send("POST", "/tts/generate", token, json(Map.of("text", "x".repeat(301), "voice", "female"))), 400,
        "at most 300");
    assertDetail(send("POST", "/tts/generate", token, json(Map.of("text", "Hello", "voice", "robot"))), 400, "Invalid voice");
    for (String path : List.of("/uploads/tts/" + "0".repeat(64) + ".mp3", "/uploads/tts/..%2F..%2Fetc%2Fpasswd",
        "/uploads/tts/rec-1.mp3", "/uploads/other/x.mp3")) {
      assertEquals(404, CLIENT.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode(), path);
    }
  }

  // ---- helpers ----

  /** What the frontend does with a question: have it spoken, then play the file with no token (an audio element). */
  private static void playQuestion(String token, String text) throws Exception {
    HttpJson.Response generated = send("POST", "/tts/generate", token, json(Map.of("text", text, "voice", "female")));
    assertEquals(200, generated.status(), generated.raw());
    String path = generated.body().get("audio_path").asText();
    assertTrue(path.matches("uploads/tts/[0-9a-f]{64}\\.mp3"), path);
    HttpResponse<byte[]> audio = CLIENT.send(HttpRequest.newBuilder(uri("/" + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, audio.statusCode());
    assertEquals("audio/mpeg", audio.headers().firstValue("Content-Type").orElse(""));
    byte[] mp3 = audio.body();
    boolean frameOrTag = (mp3[0] & 0xFF) == 0xFF && (mp3[1] & 0xE0) == 0xE0 || new String(mp3, 0, 3, StandardCharsets.ISO_8859_1).equals("ID3");
    assertTrue(mp3.length > 1000 && frameOrTag, "an MP3 of " + mp3.length + " bytes");
    assertEquals(path, send("POST", "/tts/generate", token, json(Map.of("text", text, "voice", "female"))).body()
        .get("audio_path").asText(), "the same words in the same voice are the same file");
  }

  private static JsonNode pollReport(String token, String id) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      HttpJson.Response report = send("GET", "/interviews/" + id + "/report", token, null);
      assertEquals(200, report.status(), report.raw());
      if (!report.body().get("status").asText().equals("processing") || System.nanoTime() > deadline) {
        return report.body();
      }
      Thread.sleep(250);
    }
  }

  private static String register() throws Exception {
    return http.post("/auth/register", HttpJson.json(Map.of("name", "Candidate", "email", "c-" + UUID.randomUUID() + "@example.com",
        "password", "securePassword123"))).body().get("access_token").asText();
  }

  private static Part resumePdf() throws Exception {
    return new Part("resume.pdf", "application/pdf", Documents.pdf(List.of("Jane Smith", "jane.smith@example.com",
        "Summary", "Backend engineer with eight years of Java and payments experience.", "Experience",
        "Senior Software Engineer, Globex   2019 - 2024", "- Moved the payment ledger to Kafka and PostgreSQL",
        "- Led a team of four engineers", "Skills", "Java, Kafka, PostgreSQL, Kubernetes, Docker"), null));
  }

  private static void assertDetail(HttpJson.Response response, int status, String part) {
    assertEquals(status, response.status(), response.raw());
    assertTrue(response.body().get("detail").asText().contains(part), response.raw());
    assertNotEquals("", response.body().get("detail").asText());
  }

  private record Part(String filename, String contentType, byte[] bytes) {}

  private record Body(String contentType, byte[] bytes) {}

  private static Body json(Object value) throws Exception {
    return new Body("application/json", HttpJson.json(value).getBytes(StandardCharsets.UTF_8));
  }

  /** A browser's FormData: files and text fields. */
  private static Body multipart(Map<String, Part> files, Map<String, String> fields) throws Exception {
    String boundary = "----candor" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, Part> file : files.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
          + file.getValue().filename() + "\"\r\nContent-Type: " + file.getValue().contentType() + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(file.getValue().bytes());
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** A request as the frontend's axios sends it: the token on every call, a null body on the step posts. */
  private static HttpJson.Response send(String method, String path, String token, Body body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (body != null) {
      request.header("Content-Type", body.contentType());
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = MAPPER.readTree(response.body());
    } catch (Exception e) {
      json = null;
    }
    return new HttpJson.Response(response.statusCode(), json, response.body(),
        response.headers().firstValue("Content-Type").orElse(""), response.headers());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.httpPort() + path);
  }
}
