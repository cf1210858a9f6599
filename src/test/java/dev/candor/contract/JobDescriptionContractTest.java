package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's {@code POST /api/parse_job_description/} against job pages served by a local HTTP server (never the
 * internet). The node allows private addresses here, as JOB_FETCH_ALLOW_PRIVATE=true would; the refusal of such
 * addresses by default is SafeFetcherTest's subject.
 */
class JobDescriptionContractTest {

  private static final String JSON_LD_PAGE = """
      <html><head><title>Platform Engineer - Streamly</title>
      <script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "JobPosting", "title": "Platform Engineer",
       "hiringOrganization": {"@type": "Organization", "name": "Streamly"},
       "jobLocation": {"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": "DE"}},
       "jobLocationType": "TELECOMMUTE", "employmentType": "FULL_TIME", "datePosted": "2026-11-02",
       "description": "<p>We run the event pipeline behind our video platform.</p><h3>Responsibilities</h3><ul><li>Operate our Kafka clusters</li><li>Build deployment tooling in Go</li></ul><h3>Requirements</h3><ul><li>3+ years running Kafka in production</li><li>Strong Go or Java</li></ul><h3>Nice to have</h3><ul><li>Terraform</li></ul><h3>Benefits</h3><ul><li>30 days of paid leave</li></ul>"}
      </script></head><body><h1>Platform Engineer</h1></body></html>
      """;

  private static HttpServer pages;
  private static Candor server;
  private static HttpJson http;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pages.createContext("/jobs/platform-engineer", exchange -> {
      byte[] body = JSON_LD_PAGE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    pages.createContext("/empty", exchange -> {
      byte[] body = "<html><body></body></html>".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    // The boards' public JSON APIs, in their own formats (Greenhouse escapes its HTML content once more).
    pages.createContext("/greenhouse-api/v1/boards/acme/jobs/4001", exchange -> json(exchange,
        "{\"id\":4001,\"title\":\"Data Engineer\",\"company_name\":\"Acme\",\"location\":{\"name\":\"Lisbon, Portugal\"},"
            + "\"content\":\"&lt;p&gt;Build our lakehouse.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;"
            + "Spark in production&lt;/li&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;\"}"));
    pages.createContext("/lever-api/v0/postings/acme/0b1e0f53-1c9e-4a55-9b39-4b4f8a1f0c11", exchange -> json(exchange,
        "{\"text\":\"Site Reliability Engineer\",\"categories\":{\"location\":\"Remote - EU\",\"commitment\":\"Full-time\"},"
            + "\"workplaceType\":\"remote\",\"description\":\"<p>Keep the lights on.</p>\",\"lists\":[{\"text\":"
            + "\"What you'll do\",\"content\":\"<li>Run Kubernetes</li><li>Own on-call</li>\"},{\"text\":\"Requirements\","
            + "\"content\":\"<li>5 years of SRE</li></ul>\"}],\"additional\":\"\"}"));
    pages.createContext("/smartrecruiters-api/v1/companies/Acme/postings/744000012345", exchange -> json(exchange,
        "{\"name\":\"Product Designer\",\"company\":{\"name\":\"Acme Corp\"},\"location\":{\"city\":\"Austin\","
            + "\"region\":\"TX\",\"country\":\"us\",\"remote\":false},\"typeOfEmployment\":{\"label\":\"Full-time\"},"
            + "\"experienceLevel\":{\"label\":\"Mid-Senior Level\"},\"jobAd\":{\"sections\":{\"jobDescription\":{\"title\":"
            + "\"Job Description\",\"text\":\"<p>Design our checkout.</p>\"},\"qualifications\":{\"title\":\"Qualifications\","
            + "\"text\":\"<ul><li>4 years of product design</li><li>Figma</li></ul>\"}}}}"));
    pages.createContext("/workday-api/wday/cxs/acme/External/job/Lisbon/Backend-Engineer_JR-1042", exchange -> json(exchange,
        "{\"jobPostingInfo\":{\"id\":\"9f1\",\"title\":\"Backend Engineer\",\"jobDescription\":\"<p>Own our "
            + "payments API.</p><p><b>Qualifications</b></p><ul><li>Java 17 in production</li><li>PostgreSQL</li></ul>\","
            + "\"location\":\"Lisbon\",\"timeType\":\"Full time\",\"remoteType\":\"Fully Remote\",\"jobReqId\":"
            + "\"JR-1042\",\"country\":{\"descriptor\":\"Portugal\"}},\"hiringOrganization\":{\"name\":\"Acme Payments\"}}"));
    pages.createContext("/gone", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    pages.start();
    base = "http://127.0.0.1:" + pages.getAddress().getPort();
    server = Candor.start(ConfigFactory.parseString("candor.ingest.job-fetch { allow-private = true\n"
            + "greenhouse-api = \"" + base + "/greenhouse-api\"\nlever-api = \"" + base + "/lever-api\"\n"
            + "smartrecruiters-api = \"" + base + "/smartrecruiters-api\"\nworkday-api = \"" + base + "/workday-api\" }")
        .withFallback(TestConfigs.node(TestDatabase.fresh())));
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    pages.stop(0);
  }

  @Test
  void aJobPageBecomesSeed000sJobJson() throws Exception {
    HttpJson.Response response = http.post("/api/parse_job_description/",
        "{\"jobDescriptionUrl\":\"" + base + "/jobs/platform-engineer\"}");
    assertEquals(200, response.status(), response.raw());
    JsonNode job = response.body();
    assertEquals("Platform Engineer", job.get("title").asText());
    assertEquals("Streamly", job.get("company").asText());
    assertTrue(job.get("location").asText().contains("Berlin"), job.toString());
    assertTrue(job.get("description").asText().contains("event pipeline"), job.toString());
    assertTrue(job.get("requirements").toString().contains("3+ years running Kafka in production"), job.toString());
    assertFalse(job.get("requirements").toString().contains("Terraform"), "nice-to-have is kept apart: " + job);
    assertTrue(job.get("niceToHave").toString().contains("Terraform"), job.toString());
    assertTrue(job.get("responsibilities").toString().contains("Operate our Kafka clusters"), job.toString());
    assertTrue(job.get("benefits").toString().contains("30 days of paid leave"), job.toString());
    assertTrue(job.get("remote").asBoolean());
    assertEquals("other", job.get("source").asText());
    // What the real frontend's job type lists beside the document's fields.
    assertEquals("DE", job.get("country").asText());
    assertEquals("Full-time", job.get("employment_type").asText());
    assertEquals("2026-11-02", job.get("date_posted").asText());
    assertTrue(job.get("valid_through").isNull(), job.toString());
    assertEquals(200, http.post("/api/parse_job_description", "{\"jobDescriptionUrl\":\"" + base + "/jobs/platform-engineer\"}")
        .status(), "the path works without its trailing slash too");
  }

  @Test
  void greenhouseLeverSmartRecruitersAndWorkdayPostingsAreReadThroughTheirJsonApis() throws Exception {
    // The page hosts are never contacted (there is no network here): only the APIs can have answered.
    JsonNode greenhouse = http.post("/api/parse_job_description/",
        "{\"jobDescriptionUrl\":\"https://boards.greenhouse.io/acme/jobs/4001\"}").body();
    assertEquals("Data Engineer", greenhouse.get("title").asText(), greenhouse.toString());
    assertEquals("Acme", greenhouse.get("company").asText());
    assertTrue(greenhouse.get("location").asText().contains("Lisbon"));
    assertTrue(greenhouse.get("requirements").toString().contains("Spark in production"), greenhouse.toString());
    assertEquals("greenhouse", greenhouse.get("source").asText());

    JsonNode lever = http.post("/api/parse_job_description/",
        "{\"jobDescriptionUrl\":\"https://jobs.lever.co/acme/0b1e0f53-1c9e-4a55-9b39-4b4f8a1f0c11\"}").body();
    assertEquals("Site Reliability Engineer", lever.get("title").asText(), lever.toString());
    assertEquals("Full-time", lever.get("employmentType").asText());
    assertTrue(lever.get("remote").asBoolean());
    assertTrue(lever.get("responsibilities").toString().contains("Run Kubernetes"), lever.toString());
    assertTrue(lever.get("requirements").toString().contains("5 years of SRE"), lever.toString());
    assertEquals("lever", lever.get("source").asText());

    JsonNode smart = http.post("/api/parse_job_description/",
        "{\"jobDescriptionUrl\":\"https://jobs.smartrecruiters.com/Acme/744000012345-product-designer\"}").body();
    assertEquals("Product Designer", smart.get("title").asText(), smart.toString());
    assertEquals("Acme Corp", smart.get("company").asText());
    assertTrue(smart.get("location").asText().contains("Austin"), smart.toString());
    assertEquals("Mid-Senior Level", smart.get("experienceLevel").asText(), smart.toString());
    assertTrue(smart.get("requirements").toString().contains("4 years of product design"), smart.toString());
    assertEquals("smartrecruiters", smart.get("source").asText());

    JsonNode workday = http.post("/api/parse_job_description/", "{\"jobDescriptionUrl\":"
        + "\"https://acme.wd5.myworkdayjobs.com/en-US/External/job/Lisbon/Backend-Engineer_JR-1042?source=LinkedIn\"}").body();
    assertEquals("Backend Engineer", workday.get("title").asText(), workday.toString());
    assertEquals("Acme Payments", workday.get("company").asText());
    assertTrue(workday.get("location").asText().contains("Lisbon"), workday.toString());
    assertEquals("Full-time", workday.get("employmentType").asText(), "the JSON-LD reading spells it as seed 000 does");
    assertTrue(workday.get("remote").asBoolean(), workday.toString());
    assertTrue(workday.get("requirements").toString().contains("Java 17 in production"), workday.toString());
    assertEquals("workday", workday.get("source").asText());
  }

  @Test
  void badUrlsAndPagesGetSeed000sErrorTypes() throws Exception {
    assertError(http.post("/api/parse_job_description/", "{\"jobDescriptionUrl\":\"file:///etc/passwd\"}"), 400, "invalid_url");
    assertError(http.post("/api/parse_job_description/", "{\"jobDescriptionUrl\":\"ftp://example.com/job\"}"), 400, "invalid_url");
    assertError(http.post("/api/parse_job_description/", "{}"), 400, "invalid_url");
    assertError(http.post("/api/parse_job_description/", "{\"jobDescriptionUrl\":\"" + base + "/gone\"}"), 502, "parsing_failed");
    assertError(http.post("/api/parse_job_description/", "{\"jobDescriptionUrl\":\"" + base + "/empty\"}"), 422, "parsing_failed");
    HttpJson.Response malformed = http.post("/api/parse_job_description/", "{\"jobDescriptionUrl\":");
    assertEquals(400, malformed.status());
    assertTrue(malformed.body().get("detail").asText().contains("Invalid JSON"));
  }

  private static void json(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void assertError(HttpJson.Response response, int status, String type) {
    assertEquals(status, response.status(), response.raw());
    assertEquals(type, response.body().get("type").asText(), response.raw());
    assertFalse(response.body().get("message").asText().isBlank());
  }

  /** pages/upload.tsx calls this from the browser on :3000 with a JSON body: its preflight must pass, without a redirect. */
  @Test
  void theBrowsersPreflightFromTheSeedsOriginIsAnsweredOnTheExactPath() throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    URI uri = URI.create("http://127.0.0.1:" + server.httpPort() + "/api/parse_job_description/");
    HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(uri)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode(), preflight.body());
    assertEquals("http://localhost:3000", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("content-type"));

    HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri).header("Origin", "http://localhost:3000")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jobDescriptionUrl\":\"" + base + "/jobs/platform-engineer\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, post.statusCode(), post.body());
    assertEquals("http://localhost:3000", post.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

    HttpResponse<String> stranger = client.send(HttpRequest.newBuilder(uri)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertFalse(stranger.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no CORS for other origins");
  }
}
