package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.http.auth.Tokens;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.SocketIoEvents;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.TestServers;
import java.util.Map;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 000's accounts: sign-up, sign-in (JSON and NextAuth's form), tokens on the Socket.IO handshake, the history. */
class AccountsContractTest {

  private static Candor server;
  private static HttpJson http;

  @BeforeAll
  static void start() throws Exception {
    // Typed answers only: no question needs to be spoken.
    server = TestServers.node("candor.speech.tts-provider = none");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void signUpThenSignInWithJsonOrTheFormAndTheTokenNamesTheUser() throws Exception {
    String email = uniqueEmail();
    HttpJson.Response created = http.post("/api/auth/signup",
        HttpJson.json(Map.of("email", email, "password", "correct horse", "name", "Ada Lovelace")));
    assertEquals(201, created.status(), created.raw());
    assertTrue(created.body().get("success").asBoolean());
    String userId = created.body().get("userId").asText();
    assertFalse(userId.isBlank());

    // The address as typed in another case is the same account.
    HttpJson.Response signedIn = http.post("/api/auth/signin",
        HttpJson.json(Map.of("email", email.toUpperCase(), "password", "correct horse")));
    assertEquals(200, signedIn.status(), signedIn.raw());
    assertTrue(signedIn.body().get("success").asBoolean());
    assertEquals(userId, signedIn.body().at("/user/id").asText());
    assertEquals("Ada Lovelace", signedIn.body().at("/user/name").asText());
    assertEquals(email, signedIn.body().at("/user/email").asText());
    String token = signedIn.body().get("token").asText();
    assertEquals(3, token.split("\\.").length, "a JWT: " + token);

    HttpJson.Response form = http.postForm("/api/auth/signin",
        Map.of("email", email, "password", "correct horse", "csrfToken", "abc", "json", "true"));
    assertEquals(200, form.status(), form.raw());
    assertEquals(userId, form.body().at("/user/id").asText());

    HttpJson.Response me = http.get("/api/auth/me", "Authorization", "Bearer " + token);
    assertEquals(200, me.status(), me.raw());
    assertEquals(email, me.body().at("/user/email").asText());
  }

  @Test
  void theRealSignUpFormSendsNoNameAndIsAccepted() throws Exception {
    String email = uniqueEmail();
    HttpJson.Response created = http.post("/api/auth/signup", HttpJson.json(Map.of("email", email, "password", "12345678")));
    assertEquals(201, created.status(), created.raw());
    HttpJson.Response signedIn = http.post("/api/auth/signin", HttpJson.json(Map.of("email", email, "password", "12345678")));
    assertEquals(200, signedIn.status(), signedIn.raw());
    assertTrue(signedIn.body().at("/user/name").isNull(), signedIn.raw());
  }

  @Test
  void badSignUpsAreRefusedWithAReasonAndNothingIsCreated() throws Exception {
    String email = uniqueEmail();
    assertRefused(http.post("/api/auth/signup", HttpJson.json(Map.of("email", email, "password", "short"))), 400,
        "at least 8");
    assertRefused(http.post("/api/auth/signup", HttpJson.json(Map.of("password", "long enough"))), 400, "email is required");
    assertRefused(http.post("/api/auth/signup", HttpJson.json(Map.of("email", "not-an-address", "password", "long enough"))),
        400, "email must be");
    assertRefused(http.post("/api/auth/signup", "{\"email\": 7, \"password\": \"long enough\"}"), 400, "email must be a string");
    assertRefused(http.post("/api/auth/signup", "{not json"), 400, "");
    // None of those made an account: the address is still free.
    assertEquals(201, http.post("/api/auth/signup", HttpJson.json(Map.of("email", email, "password", "long enough"))).status());
    assertRefused(http.post("/api/auth/signup", HttpJson.json(Map.of("email", email.toUpperCase(), "password", "other one"))),
        409, "already exists");
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
    String email = uniqueEmail();
    http.post("/api/auth/signup", HttpJson.json(Map.of("email", email, "password", "right password")));
    HttpJson.Response wrongPassword = http.post("/api/auth/signin", HttpJson.json(Map.of("email", email, "password", "wrong password")));
    HttpJson.Response unknownEmail = http.post("/api/auth/signin",
        HttpJson.json(Map.of("email", uniqueEmail(), "password", "right password")));
    assertEquals(401, wrongPassword.status(), wrongPassword.raw());
    assertEquals(401, unknownEmail.status(), unknownEmail.raw());
    assertEquals(wrongPassword.body().get("message"), unknownEmail.body().get("message"));
    assertFalse(wrongPassword.body().has("token"));
    assertRefused(http.post("/api/auth/signin", HttpJson.json(Map.of("email", email))), 400, "required");
    assertRefused(http.get("/api/auth/me", "Authorization", "Bearer not.a.token"), 401, "sign in again");
    assertRefused(http.get("/api/auth/me"), 401, "Bearer");
  }

  @Test
  void aSignedInInterviewIsListedWithItsResultsAndNobodyElseSeesIt() throws Exception {
    String token = signedInUser();
    String stranger = signedInUser();
    String sessionId;
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of("token", token), "websocket")) {
      client.emit("start_interview", SampleData.seed000StartInterview());
      sessionId = client.next("interview_session").object().getString("sessionId");
      JSONArray questions = client.next("questions_generated").array();
      client.emit("submit_answer", new JSONObject().put("questionId", questions.getJSONObject(0).getString("id"))
          .put("answer", "When our checkout failed during a sale I led the fix: I profiled the queries, added an index "
              + "and the error rate fell by ninety percent within a day."));
      client.next("answer_analyzed");

      JsonNode listed = only(http.get("/api/interviews", "Authorization", "Bearer " + token));
      assertEquals(sessionId, listed.get("id").asText());
      assertEquals("in_progress", listed.get("status").asText());
      assertEquals("Senior Software Engineer", listed.get("jobTitle").asText());
      assertEquals(1, listed.get("questionsAnswered").asInt());
      assertTrue(listed.get("results").isNull());

      client.emit("complete_interview");
      client.next("interview_complete");
    }

    HttpJson.Response one = http.get("/api/interviews/" + sessionId, "Authorization", "Bearer " + token);
    assertEquals(200, one.status(), one.raw());
    assertEquals("completed", one.body().get("status").asText());
    JsonNode results = one.body().get("results");
    assertEquals(8, results.get("questions").size(), "every question, answered or not");
    assertTrue(results.at("/questions/0/answer").asText().contains("checkout"), results.toString());
    assertEquals(results.get("overallScore").asInt(), one.body().get("overallScore").asInt());
    assertNotNull(results.at("/questions/0/analysis/score"));

    assertEquals(0, http.get("/api/interviews", "Authorization", "Bearer " + stranger).body().get("interviews").size());
    assertRefused(http.get("/api/interviews/" + sessionId, "Authorization", "Bearer " + stranger), 404, "no interview");
    assertRefused(http.get("/api/interviews"), 401, "Bearer");
    // The engine's own view of a session is the owner's too.
    assertEquals(404, http.get("/api/sessions/" + sessionId).status());
    assertEquals(404, http.get("/api/sessions/" + sessionId, "Authorization", "Bearer " + stranger).status());
    assertEquals(200, http.get("/api/sessions/" + sessionId, "Authorization", "Bearer " + token).status());

    // The session id alone does not reopen a signed-in interview: not anonymously, not as someone else.
    for (Map<String, String> auth : java.util.List.of(Map.of("sessionId", sessionId),
        Map.of("sessionId", sessionId, "token", stranger))) {
      try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), auth, "websocket")) {
        assertEquals("session_not_found", client.next("error").object().getString("type"));
        // Starting on that socket gives a new interview of its own, never a way into the other one.
        client.emit("start_interview", SampleData.seed000StartInterview());
        assertNotEquals(sessionId, client.next("interview_session").object().getString("sessionId"));
      }
    }
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of("sessionId", sessionId, "token", token),
        "websocket")) {
      assertEquals(sessionId, client.next("interview_session").object().getString("sessionId"));
      assertEquals(results.get("overallScore").asInt(), client.next("interview_complete").object().getInt("overallScore"));
    }
  }

  @Test
  void aSocketWithAnInvalidTokenIsToldWhyAndDisconnected() throws Exception {
    // The refusal races the library's own bookkeeping of a new socket (SocketIoBridge), which one connection in eight
    // lost: enough connections that a lost race shows.
    for (int attempt = 1; attempt <= 40; attempt++) {
      try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of("token", "forged.token.value"), "websocket")) {
        JSONObject error = client.next("error").object();
        assertEquals("unauthorized", error.getString("type"));
        assertTrue(error.getString("message").contains("sign in again"), error.toString());
        // The server's own disconnect, which the client does not follow with a reconnect; not its ping timing out.
        assertEquals("io server disconnect", client.next("disconnect").args()[0], "attempt " + attempt);
      }
    }
  }

  @Test
  void aTokenOutlivesARestartOfANodeWithNoConfiguredSecret() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    String token;
    try (Candor first = Candor.start(TestConfigs.node(db))) {
      HttpJson node = new HttpJson(first.httpPort());
      node.post("/api/auth/signup", HttpJson.json(Map.of("email", "grace@example.com", "password", "long enough")));
      token = node.post("/api/auth/signin", HttpJson.json(Map.of("email", "grace@example.com", "password", "long enough")))
          .body().get("token").asText();
    }
    try (Candor second = Candor.start(TestConfigs.node(db))) {
      HttpJson.Response me = new HttpJson(second.httpPort()).get("/api/auth/me", "Authorization", "Bearer " + token);
      assertEquals(200, me.status(), me.raw());
      assertEquals("grace@example.com", me.body().at("/user/email").asText());
    }
    // A configured secret replaces the stored one: tokens signed with the old one stop working.
    try (Candor configured = Candor.start(ConfigFactory.parseMap(Map.of("candor.auth.jwt-secret", Tokens.generateSecret()))
        .withFallback(TestConfigs.node(db)))) {
      assertEquals(401, new HttpJson(configured.httpPort()).get("/api/auth/me", "Authorization", "Bearer " + token).status());
    }
  }

  private static String signedInUser() throws Exception {
    String email = uniqueEmail();
    http.post("/api/auth/signup", HttpJson.json(Map.of("email", email, "password", "long enough")));
    return http.post("/api/auth/signin", HttpJson.json(Map.of("email", email, "password", "long enough")))
        .body().get("token").asText();
  }

  private static JsonNode only(HttpJson.Response listing) {
    assertEquals(200, listing.status(), listing.raw());
    JsonNode interviews = listing.body().get("interviews");
    assertEquals(1, interviews.size(), listing.raw());
    return interviews.get(0);
  }

  private static void assertRefused(HttpJson.Response response, int status, String says) {
    assertEquals(status, response.status(), response.raw());
    assertTrue(response.raw().contains(says), response.raw());
    if (response.body() != null && response.body().has("success")) {
      assertFalse(response.body().get("success").asBoolean(), response.raw());
    }
  }

  private static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }
}
