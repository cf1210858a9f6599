package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.Documents;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resume upload as seed 000 ({@code /api/parse-resume}, {@code /api/upload-resume}) and seed 001
 * ({@code /resume/parse}) define it, with real multipart requests over loopback.
 */
class ResumeUploadContractTest {


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
  void seed000ParsesItsSampleResumeToItsExpectedStructure() throws Exception {
    for (String path : List.of("/api/parse-resume", "/api/upload-resume")) {
      HttpJson.Response response = http.postFile(path, "resume", "resume_sample.txt", "text/plain",
          SampleData.SEED_000_RESUME_TEXT.getBytes(StandardCharsets.UTF_8));
      assertEquals(200, response.status(), response.raw());
      JsonNode body = response.body();
      JsonNode resume;
      if (path.equals("/api/upload-resume")) {
        assertTrue(body.get("success").asBoolean());
        assertEquals("resume_sample.txt", body.get("fileName").asText());
        assertEquals(SampleData.SEED_000_RESUME_TEXT.getBytes(StandardCharsets.UTF_8).length, body.get("fileSize").asInt());
        resume = body.get("parsedResume");
      } else {
        // The seed's own Next.js route wraps this answer in {success, parsedResume, fileName, fileSize} itself.
        assertNull(body.get("success"), response.raw());
        assertNull(body.get("parsedResume"), response.raw());
        resume = body;
      }
      assertEquals("John Doe", resume.get("name").asText());
      assertEquals("john.doe@email.com", resume.get("email").asText());
      assertEquals("(555) 123-4567", resume.get("phone").asText());
      assertTrue(resume.get("summary").asText().startsWith("Software Engineer with 5 years of experience in full-stack development"));
      JsonNode experience = resume.get("experience");
      assertEquals(2, experience.size());
      assertEquals("Tech Corp Inc.", experience.get(0).get("company").asText());
      assertEquals("Senior Software Engineer", experience.get(0).get("position").asText());
      assertEquals("2020 - Present", experience.get(0).get("duration").asText());
      assertTrue(experience.get(0).get("description").asText().startsWith("Led development of scalable web applications"));
      assertEquals("StartupXYZ", experience.get(1).get("company").asText());
      assertEquals("Software Engineer", experience.get(1).get("position").asText());
      assertEquals("2019 - 2020", experience.get(1).get("duration").asText());
      JsonNode education = resume.get("education").get(0);
      assertEquals("University of Technology", education.get("institution").asText());
      assertEquals("Bachelor of Science in Computer Science", education.get("degree").asText());
      assertEquals("2019", education.get("year").asText());
      assertEquals(List.of("React", "Node.js", "Python", "JavaScript", "TypeScript", "AWS"), texts(resume.get("skills")).subList(0, 6));
      assertEquals(13, resume.get("skills").size());
      JsonNode project = resume.get("projects").get(0);
      assertEquals("E-commerce Platform", project.get("name").asText());
      assertEquals("Built full-stack e-commerce application using React and Node.js", project.get("description").asText());
      assertEquals(List.of("React", "Node.js", "MongoDB", "Stripe API"), texts(project.get("technologies")));
      assertEquals("6 months", project.get("duration").asText());
    }
  }

  @Test
  void seed001sPageOnAnotherOriginMayReadTheAnswerAndTheError() throws Exception {
    // A multipart POST with no custom header is a "simple" request: no preflight, but the browser hands the page
    // the answer, or the error's detail it shows, only with Access-Control-Allow-Origin.
    byte[] pdf = Documents.pdf(List.of("Jane Doe", "jane@example.com", "Senior engineer with eight years in payments."), null);
    for (String origin : List.of("http://localhost:3000", "http://localhost:5174")) {
      HttpJson.Response parsed = http.postFileFrom(origin, "/resume/parse", "file", "cv.pdf", "application/pdf", pdf);
      assertEquals(200, parsed.status(), parsed.raw());
      assertEquals(origin, parsed.header("Access-Control-Allow-Origin"));
      HttpJson.Response refused = http.postFileFrom(origin, "/resume/parse", "file", "cv.txt", "text/plain",
          "not a pdf".getBytes(StandardCharsets.UTF_8));
      assertEquals(400, refused.status(), refused.raw());
      assertEquals(origin, refused.header("Access-Control-Allow-Origin"), "errors are readable too");
      assertFalse(refused.body().get("detail").asText().isBlank());
    }
    HttpJson.Response stranger = http.postFileFrom("https://evil.example", "/resume/parse", "file", "cv.pdf",
        "application/pdf", pdf);
    assertEquals("", stranger.header("Access-Control-Allow-Origin"), "no CORS for other origins");
  }

  @Test
  void seed000TakesWordDocumentsAndRefusesWhatItCannotRead() throws Exception {
    HttpJson.Response docx = http.postFile("/api/parse-resume", "resume", "cv.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Documents.docx(List.of("Jane Candidate", "jane@example.com", "SKILLS", "Java, Kafka, SQL"), List.of()));
    assertEquals(200, docx.status(), docx.raw());
    assertEquals("Jane Candidate", docx.body().get("name").asText());
    assertEquals("jane@example.com", docx.body().get("email").asText());
    HttpJson.Response doc = http.postFile("/api/upload-resume", "resume", "cv.doc", "application/msword",
        Documents.doc(List.of("Jane Candidate", "jane@example.com", "SKILLS", "Java, Kafka, SQL"), List.of()));
    assertEquals(200, doc.status(), doc.raw());
    assertEquals("Jane Candidate", doc.body().get("parsedResume").get("name").asText());
    assertTrue(texts(doc.body().get("parsedResume").get("skills")).contains("Kafka"), doc.raw());

    byte[] executable = new byte[2048];
    executable[0] = 'M';
    executable[1] = 'Z';
    assertError(http.postFile("/api/parse-resume", "resume", "cv.pdf", "application/pdf", executable), 400,
        "Unsupported file type");
    assertError(http.postFile("/api/parse-resume", "resume", "cv.pdf", "application/pdf", new byte[0]), 400, "empty");
    assertError(http.postFile("/api/parse-resume", "file", "cv.txt", "text/plain", "John".getBytes(StandardCharsets.UTF_8)),
        400, "multipart field 'resume'");
    byte[] overLimit = new byte[5 * 1024 * 1024 + 1];
    java.util.Arrays.fill(overLimit, (byte) 'a');
    assertError(http.postFile("/api/parse-resume", "resume", "big.txt", "text/plain", overLimit), 413, "5 MB");
    assertError(http.startHugeUpload("/api/parse-resume", "resume", "huge.txt", "text/plain", 2_000_000_000L, 1024),
        413, "5 MB");
    assertError(http.post("/api/parse-resume", "{\"resume\":\"text\"}"), 415, "multipart");
  }

  @Test
  void seed001ParsesAPdfIntoItsSchema() throws Exception {
    byte[] pdf = Documents.pdf(List.of("Jane Candidate", "jane@example.com | +1-555-123-4567 | San Francisco, CA",
        "SUMMARY", "Backend engineer who likes queues.", "EXPERIENCE", "Senior Engineer", "Acme Corp",
        "Jan 2020 - Present", "- Built the billing pipeline on Kafka", "SKILLS", "Java, Kafka, PostgreSQL",
        "CERTIFICATIONS", "AWS Solutions Architect Professional"), "https://linkedin.com/in/jane-candidate");
    HttpJson.Response response = http.postFile("/resume/parse", "file", "jane.pdf", "application/pdf", pdf);
    assertEquals(200, response.status(), response.raw());
    JsonNode body = response.body();
    JsonNode contact = body.get("contact");
    assertEquals("Jane Candidate", contact.get("name").asText());
    assertEquals("jane@example.com", contact.get("email").asText());
    assertTrue(contact.get("linkedin").asText().contains("linkedin.com/in/jane-candidate"), contact.toString());
    for (String field : List.of("summary", "experiences", "education", "skills", "certifications", "raw_text")) {
      assertTrue(body.has(field), field);
    }
    assertTrue(texts(body.get("skills")).contains("Kafka"), body.toString());
    assertTrue(body.get("raw_text").asText().contains("Built the billing pipeline on Kafka"));
    assertFalse(body.get("experiences").isEmpty(), body.toString());
    JsonNode job = body.get("experiences").get(0);
    for (String field : List.of("company", "title", "start_date", "end_date", "description", "highlights")) {
      assertTrue(job.has(field), field + " in " + job);
    }
  }

  @Test
  void seed001AnswersItsErrorTable() throws Exception {
    assertError(http.postFile("/resume/parse", "file", "cv.txt", "text/plain", "Jane".getBytes(StandardCharsets.UTF_8)), 400,
        "Only PDF files are supported. Please upload a PDF resume.");
    assertError(http.postFile("/resume/parse", "file", "cv.docx", "application/pdf",
        Documents.docx(List.of("Jane"), List.of())), 400, "Only PDF files are supported");
    assertError(http.postFile("/resume/parse", "file", "cv.pdf", "application/pdf", new byte[0]), 400, "Empty file");
    byte[] overLimit = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, overLimit, 0, 9);
    assertError(http.postFile("/resume/parse", "file", "big.pdf", "application/pdf", overLimit), 400, "File size exceeds 10MB");
    assertError(http.startHugeUpload("/resume/parse", "file", "huge.pdf", "application/pdf", 2_000_000_000L, 1024), 400,
        "File size exceeds 10MB");
    assertError(http.postFile("/resume/parse", "file", "broken.pdf", "application/pdf",
        "%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII)), 500, "Resume parsing failed");
    assertError(http.postFile("/resume/parse", "file", "locked.pdf", "application/pdf",
        Documents.encryptedPdf(List.of("Jane"), "secret")), 400, "password");
  }

  private static void assertError(HttpJson.Response response, int status, String detail) {
    assertEquals(status, response.status(), response.raw());
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    assertTrue(response.body().get("detail").asText().contains(detail), response.raw());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
