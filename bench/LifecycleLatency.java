import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.testing.Documents;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 003's REST interview against a running node, one interview at a time: setup-ai (planning), /tts/generate of
 * each question (first time and again), and for each answer a 30 s WebM video (a dummy VP8 track and MaryTTS speech as
 * Opus) from the upload's first byte to the moment /score answers (polled every 20 ms; stored, decoded, heard by Vosk,
 * analysed). The last answer is followed at once by answer-complete, as the frontend does, and timed to the report
 * being final. Runs with the test classpath (bench/lifecycle.sh).
 * Usage: java -cp ... bench/LifecycleLatency.java PORT INTERVIEWS
 */
public class LifecycleLatency {

  private static final String ANSWER = "In my last role our checkout service slowed down badly during a big sale. I was "
      + "asked to find the cause, so I profiled the slowest database queries, added an index and a small cache in front "
      + "of the product catalogue, and rolled the change out behind a flag. The latency at the ninety ninth percentile "
      + "fell by sixty percent, and we kept the same error rate through the rest of the sale. Afterwards I wrote a short "
      + "guide so the team could profile queries the same way.";
  private static final String JOB = "Senior Backend Engineer\n\nRequirements:\n- Java and PostgreSQL\n- Kafka\n";
  private static final int RATE = 48_000;
  private static final int SECONDS = 30;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static String base;

  public static void main(String[] args) throws Exception {
    base = "http://127.0.0.1:" + args[0];
    int interviews = Integer.parseInt(args[1]);
    short[] voice = CandidateVoice.say(ANSWER);
    if (voice.length > RATE * SECONDS) {
      throw new IllegalStateException("the answer is longer than " + SECONDS + " s: " + voice.length / (double) RATE);
    }
    byte[] video = BrowserRecording.webmWithVideo(Arrays.copyOf(voice, RATE * SECONDS));
    System.out.printf("answer: %d s WebM (VP8 track + Opus), %d bytes, %.1f s of it speech%n", SECONDS, video.length,
        voice.length / (double) RATE);
    String token = call("POST", "/auth/register", null, json(Map.of("name", "Bench", "email", "bench-" + UUID.randomUUID()
        + "@example.com", "password", "benchPassword1"))).get("access_token").asText();
    byte[] resume = Documents.pdf(List.of("Jane Smith", "jane@example.com", "Experience",
        "Senior Software Engineer, Globex   2019 - 2024", "- Built payment services in Java", "Skills", "Java, Kafka"), null);
    List<Double> setUp = new ArrayList<>();
    List<Double> ttsFirst = new ArrayList<>();
    List<Double> ttsAgain = new ArrayList<>();
    List<Double> scored = new ArrayList<>();
    List<Double> report = new ArrayList<>();
    for (int i = 0; i < interviews; i++) {
      // Another company each time, so the questions (and their speech) are new.
      String id = call("POST", "/interviews/create", token, multipart("resume", "resume.pdf", "application/pdf", resume,
          "Acme " + i + " Payments\n\n" + JOB)).get("interview_id").asText();
      long t = System.nanoTime();
      int count = call("POST", "/interviews/" + id + "/setup-ai", token, null).get("questions_count").asInt();
      setUp.add(ms(t));
      call("POST", "/interviews/" + id + "/start?voice=female", token, null);
      for (int q = 1; ; q++) {
        JsonNode next = call("GET", "/interviews/" + id + "/next-question", token, null);
        if (next.has("message")) {
          break;
        }
        String questionId = next.get("question_id").asText();
        Body speak = json(Map.of("text", next.get("question_text").asText(), "voice", "female"));
        t = System.nanoTime();
        call("POST", "/tts/generate", token, speak);
        ttsFirst.add(ms(t));
        t = System.nanoTime();
        call("POST", "/tts/generate", token, speak);
        ttsAgain.add(ms(t));
        String path = "/interviews/" + id + "/questions/" + questionId;
        boolean last = q == count;
        t = System.nanoTime();
        call("POST", path + "/upload-video", token, multipart("video", "answer.webm", "video/webm", video, null));
        if (last) {
          call("POST", "/interviews/" + id + "/answer-complete", token, null);
          while (!call("GET", "/interviews/" + id + "/report", token, null).get("status").asText().equals("completed")) {
            Thread.sleep(20);
          }
          report.add(ms(t));
        } else {
          while (send("POST", path + "/score", token, null).statusCode() != 200) {
            Thread.sleep(20);
          }
          scored.add(ms(t));
          call("POST", "/interviews/" + id + "/answer-complete", token, null);
        }
      }
    }
    print("setup-ai (planning 5 questions)", setUp);
    print("/tts/generate, a new question", ttsFirst);
    print("/tts/generate, the same words again", ttsAgain);
    print("upload-video (30 s) -> /score answers", scored);
    print("last upload-video -> report final (answer-complete sent at once)", report);
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static void print(String what, List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    System.out.printf("%s: n=%d, p50 %.0f ms, p90 %.0f ms, max %.0f ms, first %.0f ms%n", what, sorted.size(),
        sorted.get((sorted.size() - 1) / 2), sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1),
        sorted.get(sorted.size() - 1), values.get(0));
  }

  private record Body(String contentType, byte[] bytes) {}

  private static Body json(Object value) throws Exception {
    return new Body("application/json", MAPPER.writeValueAsBytes(value));
  }

  /** One file part and, when {@code jobDescription} is given, the job_description field. */
  private static Body multipart(String field, String name, String type, byte[] file, String jobDescription) {
    String boundary = "----bench" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    if (jobDescription != null) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"job_description\"\r\n\r\n"
          + jobDescription + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  private static JsonNode call(String method, String path, String token, Body body) throws Exception {
    HttpResponse<String> response = send(method, path, token, body);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String token, Body body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    if (body != null) {
      request.header("Content-Type", body.contentType());
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
