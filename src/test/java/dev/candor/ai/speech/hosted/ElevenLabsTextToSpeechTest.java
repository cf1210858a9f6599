package dev.candor.ai.speech.hosted;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.params.provider.ValueSource;

/** The ElevenLabs adapter against a loopback server speaking ElevenLabs' wire format. */
class ElevenLabsTextToSpeechTest {

  private static final String KEY = "xi-test-0c9e47d2b1";
  private static final String RACHEL = "21m00Tcm4TlvDq8ikWAM";
  private static final String ADAM = "pNInz6obpgDQGcFmaJgB";
  private static final byte[] MP3 = OpenAiSpeechToTextTest.hex("FFFB90C4000000000000");

  private FakeProvider provider;

  @BeforeEach
  void start() throws IOException {
    provider = new FakeProvider();
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private ElevenLabsTextToSpeech adapter(String outputFormat, Duration timeout) {
    return new ElevenLabsTextToSpeech(new ElevenLabsTextToSpeech.Settings(provider.baseUrl(""), KEY,
        "eleven_multilingual_v2", outputFormat, RACHEL, ADAM, Duration.ofSeconds(2), timeout));
  }

  private ElevenLabsTextToSpeech adapter() {
    return adapter("mp3_44100_128", Duration.ofSeconds(5));
  }

  private static SpeechException failure(ElevenLabsTextToSpeech tts) {
    return assertThrows(SpeechException.class, () -> tts.synthesize("Hello.", "female"));
  }

  @Test
  void postsToTheVoicesPathWithTheKeyHeaderAndReturnsTheMp3() throws Exception {
    provider.answer(200, "audio/mpeg", MP3);

    SpeechAudio audio = adapter().synthesize("Walk me through your design.", "female");

    FakeProvider.Recorded request = provider.only();
    assertEquals("POST", request.method());
    assertEquals("/v1/text-to-speech/" + RACHEL, request.path());
    assertEquals("output_format=mp3_44100_128", request.query());
    assertEquals(KEY, request.header("xi-api-key"));
    assertNull(request.header("Authorization"));
    assertEquals("audio/mpeg", request.header("Accept"));
    assertEquals("application/json", request.header("Content-Type"));
    JsonNode body = ProviderHttp.JSON.readTree(request.body());
    assertEquals("Walk me through your design.", body.path("text").asText());
    assertEquals("eleven_multilingual_v2", body.path("model_id").asText());
    assertArrayEquals(MP3, audio.bytes());
    assertEquals("audio/mpeg", audio.contentType());
  }

  @ParameterizedTest(name = "\"{0}\" is voice {1}")
  @CsvSource({"male, /v1/text-to-speech/" + ADAM, "JBFqnCBsd6RMkjVDRZzb, /v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb",
      "../../v1/user, /v1/text-to-speech/..%2F..%2Fv1%2Fuser"})
  void maleAndPassedThroughIdsStayOnePathSegment(String voice, String path) throws Exception {
    provider.answer(200, "audio/mpeg", MP3);

    adapter().synthesize("Hello.", voice);

    assertEquals(path, provider.only().path());
  }

  @Test
  void withoutAnOutputFormatThereIsNoQuery() throws Exception {
    provider.answer(200, "audio/mpeg", MP3);

    adapter("", Duration.ofSeconds(5)).synthesize("Hello.", "female");

    assertNull(provider.only().query());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"detail\": {\"status\": \"invalid_api_key\", \"message\": \"Invalid API key: " + KEY + "\"}}",
      "{\"detail\": \"Invalid API key: " + KEY + "\"}",
  })
  void aBadKeyIsRejectedWithElevenLabsMessageAndWithoutTheKey(String errorBody) {
    provider.answer(401, "application/json", errorBody);

    SpeechException e = failure(adapter());

    assertEquals(Kind.PROVIDER_REJECTED, e.kind());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("Invalid API key"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void aValidationErrorSurfacesTheFirstProblem() {
    provider.answer(422, "application/json",
        "{\"detail\": [{\"loc\": [\"body\", \"text\"], \"msg\": \"field required\", \"type\": \"value_error.missing\"}]}");

    SpeechException e = failure(adapter());

    assertEquals(Kind.PROVIDER_REJECTED, e.kind());
    assertTrue(e.getMessage().contains("field required"), e.getMessage());
  }

  @Test
  void rateLimitingCarriesRetryAfterSeconds() {
    provider.answer(429, "application/json",
        "{\"detail\": {\"status\": \"too_many_concurrent_requests\", \"message\": \"Too many concurrent requests\"}}",
        "Retry-After", "3");

    SpeechException e = failure(adapter());

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertEquals(Duration.ofSeconds(3), e.retryAfter().orElseThrow());
    assertTrue(e.getMessage().contains("Too many concurrent requests"), e.getMessage());
  }

  @Test
  void aServerErrorIsUnavailable() {
    provider.answer(503, "text/html", "<html><body>Service Unavailable</body></html>");

    SpeechException e = failure(adapter());

    assertEquals(Kind.PROVIDER_UNAVAILABLE, e.kind());
    assertFalse(e.getMessage().contains("<html>"), e.getMessage());
  }

  @Test
  void audioThatStallsMidStreamIsATimeout() {
    provider.stallMidBody("audio/mpeg", MP3);

    SpeechException e = failure(adapter("mp3_44100_128", Duration.ofMillis(300)));

    assertEquals(Kind.TIMEOUT, e.kind());
  }

  @Test
  void htmlWhereAudioWasExpectedIsAnInvalidResponse() {
    provider.answer(200, "text/html; charset=utf-8", "<html><body>Sign in</body></html>");

    assertEquals(Kind.INVALID_RESPONSE, failure(adapter()).kind());
  }

  @Test
  void aClosedPortIsUnavailable() throws IOException {
    ElevenLabsTextToSpeech tts = new ElevenLabsTextToSpeech(new ElevenLabsTextToSpeech.Settings(
        FakeProvider.closedBaseUrl(), KEY, "eleven_multilingual_v2", "", RACHEL, ADAM, Duration.ofSeconds(2),
        Duration.ofSeconds(5)));

    assertEquals(Kind.PROVIDER_UNAVAILABLE, failure(tts).kind());
  }

  @Test
  void settingsComeFromAConfigBlock() {
    ElevenLabsTextToSpeech.Settings settings = ElevenLabsTextToSpeech.Settings.from(ConfigFactory.parseString("""
        base-url = "https://api.elevenlabs.io"
        api-key = ""
        model = eleven_multilingual_v2
        output-format = mp3_44100_128
        voice-female = 21m00Tcm4TlvDq8ikWAM
        voice-male = pNInz6obpgDQGcFmaJgB
        connect-timeout = 5s
        request-timeout = 30s
        """));

    assertEquals(new ElevenLabsTextToSpeech.Settings("https://api.elevenlabs.io", "", "eleven_multilingual_v2",
        "mp3_44100_128", RACHEL, ADAM, Duration.ofSeconds(5), Duration.ofSeconds(30)), settings);
  }
}
