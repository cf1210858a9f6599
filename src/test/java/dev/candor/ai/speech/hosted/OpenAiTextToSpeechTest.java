package dev.candor.ai.speech.hosted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAI speech adapter against a loopback server speaking OpenAI's wire format. */
class OpenAiTextToSpeechTest {

  private static final String KEY = "sk-test-a8d03b61ce";
  /** An ID3 tag and the start of an MPEG frame, as OpenAI's MP3s begin. */
  private static final byte[] MP3 = OpenAiSpeechToTextTest.hex("4944330400000000000FFFFB90C400");

  private FakeProvider provider;
  private OpenAiTextToSpeech tts;

  @BeforeEach
  void start() throws IOException {
    provider = new FakeProvider();
    tts = new OpenAiTextToSpeech(OpenAiTextToSpeech.Settings.from(ConfigFactory.parseString("""
        base-url = "%s"
        api-key = "%s"
        model = tts-1
        voice-female = nova
        voice-male = onyx
        connect-timeout = 2s
        request-timeout = 5s
        """.formatted(provider.baseUrl("/v1/"), KEY))));
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private SpeechException failure(String text) {
    return assertThrows(SpeechException.class, () -> tts.synthesize(text, "female"));
  }

  private JsonNode sentJson() throws IOException {
    return ProviderHttp.JSON.readTree(provider.only().body());
  }

  @Test
  void postsTheJsonRequestAndReturnsTheMp3() throws Exception {
    provider.answer(200, "audio/mpeg", MP3);

    SpeechAudio audio = tts.synthesize("Tell me about a project you led.", "female");

    FakeProvider.Recorded request = provider.only();
    assertEquals("POST", request.method());
    assertEquals("/v1/audio/speech", request.path());
    assertEquals("Bearer " + KEY, request.header("Authorization"));
    assertEquals("application/json", request.header("Content-Type"));
    JsonNode body = sentJson();
    assertEquals("tts-1", body.path("model").asText());
    assertEquals("Tell me about a project you led.", body.path("input").asText());
    assertEquals("nova", body.path("voice").asText());
    assertEquals("mp3", body.path("response_format").asText());
    assertArrayEquals(MP3, audio.bytes());
    assertEquals("audio/mpeg", audio.contentType());
  }

  @ParameterizedTest(name = "\"{0}\" speaks as {1}")
  @CsvSource({"female, nova", "Male, onyx", "'', nova", "shimmer, shimmer"})
  void theSeedsVoicesMapToConfiguredOnesAndOthersPassThrough(String voice, String sent) throws Exception {
    provider.answer(200, "audio/mpeg", MP3);

    tts.synthesize("Hello.", voice);

    assertEquals(sent, sentJson().path("voice").asText());
  }

  @Test
  void textOverTheApisLimitIsRefusedUnsentAndTextAtItIsSent() throws Exception {
    provider.answer(200, "audio/mpeg", MP3);

    tts.synthesize("a".repeat(OpenAiTextToSpeech.MAX_INPUT_CHARS), "female");
    SpeechException e = failure("a".repeat(OpenAiTextToSpeech.MAX_INPUT_CHARS + 1));

    assertEquals(Kind.TOO_LARGE, e.kind());
    assertEquals(1, provider.requests().size());
  }

  @Test
  void aBadKeyIsRejectedWithTheProvidersMessageAndWithoutTheKey() {
    provider.answer(401, "application/json", """
        {"error": {"message": "Incorrect API key provided: %s.", "type": "invalid_request_error",
                   "param": null, "code": "invalid_api_key"}}
        """.formatted(KEY));

    SpeechException e = failure("Hello.");

    assertEquals(Kind.PROVIDER_REJECTED, e.kind());
    assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void rateLimitingCarriesRetryAfterSeconds() {
    provider.answer(429, "application/json", "{\"error\": {\"message\": \"Rate limit reached for tts-1\"}}",
        "Retry-After", "20");

    SpeechException e = failure("Hello.");

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(Duration.ofSeconds(20), e.retryAfter().orElseThrow());
  }

  @Test
  void jsonWhereAudioWasExpectedIsAnInvalidResponse() {
    provider.answer(200, "application/json", "{\"text\": \"not audio\"}");

    assertEquals(Kind.INVALID_RESPONSE, failure("Hello.").kind());
  }

  @Test
  void anUntypedBodyCountsAsAudioOnlyIfItLooksLikeAudio() throws Exception {
    provider.answer(200, "application/octet-stream", MP3);
    assertEquals("audio/mpeg", tts.synthesize("Hello.", "female").contentType());

    provider.answer(200, "application/octet-stream", "definitely not audio");
    assertEquals(Kind.INVALID_RESPONSE, failure("Hello.").kind());
  }

  @Test
  void aProvidersOwnAudioTypeIsKept() throws Exception {
    byte[] wav = OpenAiSpeechToTextTest.hex("52494646240000005741564566");
    provider.answer(200, "audio/wav", wav);

    assertEquals("audio/wav", tts.synthesize("Hello.", "female").contentType());
  }

  @Test
  void anEmptyBodyIsAnInvalidResponse() {
    provider.answer(200, "audio/mpeg", new byte[0]);

    assertEquals(Kind.INVALID_RESPONSE, failure("Hello.").kind());
  }
}
