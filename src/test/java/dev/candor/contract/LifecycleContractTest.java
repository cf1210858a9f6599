package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 ("ai-backend-fastapi"): its accounts, on the users and tokens seed 000 uses too. Its interview lifecycle is
 * {@link LifecycleInterviewContractTest}.
 */
class LifecycleContractTest {

  private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
  private static final String ORIGIN = "http://localhost:5173";

  private static Candor server;
  private static HttpJson http;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.node("candor.auth.jwt-secret = \"" + SECRET + "\"");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void registerLoginAndMeAsTheSeedDescribesThem() throws Exception {
    String email = uniqueEmail();
    HttpJson.Response registered = http.post("/auth/register",
        HttpJson.json(Map.of("name", "John Doe", "email", email, "password", "securePassword123")));
    assertEquals(200, registered.status(), registered.raw());
    String token = registered.body().get("access_token").asText();

    JsonNode me = http.get("/auth/me", "Authorization", "Bearer " + token).body();
    assertEquals("John Doe", me.get("name").asText());
    assertEquals(email, me.get("email").asText());
    assertEquals("candidate", me.get("role").asText());
    assertFalse(me.get("id").asText().isBlank());

    HttpJson.Response again = http.post("/auth/register",
        HttpJson.json(Map.of("name", "Someone Else", "email", email.toUpperCase(), "password", "anotherPassword1")));
    assertEquals(400, again.status(), again.raw());
    assertEquals("Email already registered", again.body().get("detail").asText());

    HttpJson.Response loggedIn = http.post("/auth/login", HttpJson.json(Map.of("email", email, "password", "securePassword123")));
    assertEquals(200, loggedIn.status(), loggedIn.raw());
    assertEquals(me.get("id"), http.get("/auth/me", "Authorization", "Bearer " + loggedIn.body().get("access_token").asText())
        .body().get("id"));

    // One user store for every contract: the same account signs in through seed 000's endpoint.
    HttpJson.Response seed000 = http.post("/api/auth/signin", HttpJson.json(Map.of("email", email, "password", "securePassword123")));
    assertEquals(200, seed000.status(), seed000.raw());
    assertEquals(me.get("id"), seed000.body().at("/user/id"));
  }

  @Test
  void badCredentialsAre400EvenWithTheStaleTokenTheFrontendSendsAlong() throws Exception {
    String email = uniqueEmail();
    http.post("/auth/register", HttpJson.json(Map.of("name", "Jane", "email", email, "password", "rightPassword")));
    // The frontend puts its stored token on every request, and treats any 401 as "log out".
    HttpResponse<String> wrong = post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrongPassword\"}",
        "Bearer expired.or.foreign");
    assertEquals(400, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("Invalid credentials"), wrong.body());
    HttpResponse<String> right = post("/auth/login", "{\"email\":\"" + email + "\",\"password\":\"rightPassword\"}",
        "Bearer expired.or.foreign");
    assertEquals(200, right.statusCode(), right.body());
    assertEquals(400, post("/auth/login", "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"rightPassword\"}", null)
        .statusCode(), "an unknown email is the same answer");
    assertEquals(400, http.post("/auth/register", HttpJson.json(Map.of("name", "Jane", "email", uniqueEmail(), "password", "short")))
        .status(), "a password under the minimum");
  }

  @Test
  void meNeedsAValidTokenOfThisServer() throws Exception {
    String email = uniqueEmail();
    String token = http.post("/auth/register", HttpJson.json(Map.of("name", "Ann", "email", email, "password", "longEnough1")))
        .body().get("access_token").asText();
    String id = http.get("/auth/me", "Authorization", "Bearer " + token).body().get("id").asText();
    String expired = JWT.create().withIssuer("candor").withSubject(id).withExpiresAt(Instant.now().minusSeconds(60))
        .sign(Algorithm.HMAC256(SECRET));
    String foreign = JWT.create().withIssuer("candor").withSubject(id).withExpiresAt(Instant.now().plusSeconds(600))
        .sign(Algorithm.HMAC256("another-secret-that-is-long-enough-for-hs256"));
    for (String header : new String[] {"Bearer " + expired, "Bearer " + foreign, "Bearer not-a-jwt", "Basic abc"}) {
      HttpJson.Response refused = http.get("/auth/me", "Authorization", header);
      assertEquals(401, refused.status(), header + ": " + refused.raw());
      assertEquals("Bearer", refused.header("WWW-Authenticate"));
    }
    assertEquals(401, http.get("/auth/me").status());
  }

  @Test
  void theFrontendsOriginMayCallWithCredentials() throws Exception {
    HttpResponse<String> preflight = CLIENT.send(HttpRequest.newBuilder(uri("/auth/login"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization,content-type").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode());
    assertEquals(ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals("true", preflight.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("authorization"));
    HttpResponse<String> refused = post("/auth/login", "{\"email\":\"nobody@example.com\",\"password\":\"x\"}", null);
    assertEquals(400, refused.statusCode());
    assertEquals(ORIGIN, refused.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "its detail is readable");
  }

  private static HttpResponse<String> post(String path, String json, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Origin", ORIGIN).POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.httpPort() + path);
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }
}
