package dev.candor.ai.speech.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import dev.candor.ai.speech.Transcript;
import dev.candor.ai.speech.Transcript.TimedWord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transcription adapter against a loopback server speaking OpenAI's wire format. */
class OpenAiSpeechToTextTest {

  private static final String KEY = "sk-test-5f1e9c2a7b";
  private static final byte[] WEBM = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0x42, (byte) 0x86, (byte) 0x81, 0x01};
  private static final String VERBOSE = """
      {"task": "transcribe", "language": "english", "duration": 2.5,
       "text": " I led the migration. ",
       "words": [
         {"word": "I", "start": 0.0, "end": 0.24},
         {"word": "led", "start": 0.24, "end": 0.6},
         {"word": "the", "start": 0.6, "end": 0.72},
         {"word": "migration.", "start": 0.72, "end": 1.5}
       ],
       "segments": [{"id": 0, "start": 0.0, "end": 1.5, "text": " I led the migration."}]}
      """;

  private FakeProvider provider;

  @BeforeEach
  void start() throws IOException {
    provider = new FakeProvider();
  }

  @AfterEach
  void stop() {
    provider.close();
  }

  private OpenAiSpeechToText adapter(String key, String language, boolean wordTimestamps) {
    return adapter(provider.baseUrl("/v1"), key, language, wordTimestamps, 25L * 1024 * 1024, Duration.ofSeconds(5));
  }

  private static OpenAiSpeechToText adapter(String baseUrl, String key, String language, boolean wordTimestamps,
      long maxUpload, Duration timeout) {
    return new OpenAiSpeechToText(new OpenAiSpeechToText.Settings(baseUrl, key, "whisper-1", language, wordTimestamps,
        maxUpload, Duration.ofSeconds(2), timeout));
  }

  private OpenAiSpeechToText withTimeout(Duration timeout) {
    return adapter(provider.baseUrl("/v1"), KEY, "", true, 25L * 1024 * 1024, timeout);
  }

  private SpeechException failure(OpenAiSpeechToText stt, AudioClip clip) {
    return assertThrows(SpeechException.class, () -> stt.transcribe(clip));
  }

  @Test
  void sendsTheMultipartFormAndReadsWordTimings() throws Exception {
    provider.answer(200, "application/json", VERBOSE);

    Transcript transcript = adapter(KEY, "en", true).transcribe(new AudioClip(WEBM, "audio/webm;codecs=opus"));

    FakeProvider.Recorded request = provider.only();
    assertEquals("POST", request.method());
    assertEquals("/v1/audio/transcriptions", request.path());
    assertEquals("Bearer " + KEY, request.header("Authorization"));
    assertTrue(request.header("Content-Type").startsWith("multipart/form-data; boundary="), request.header("Content-Type"));
    Map<String, FakeProvider.Part> parts = FakeProvider.parts(request);
    assertEquals(List.of("model", "response_format", "timestamp_granularities[]", "language", "file"),
        List.copyOf(parts.keySet()));
    assertEquals("whisper-1", parts.get("model").text());
    assertEquals("verbose_json", parts.get("response_format").text());
    assertEquals("word", parts.get("timestamp_granularities[]").text());
    assertEquals("en", parts.get("language").text());
    assertEquals("answer.webm", parts.get("file").filename());
    assertEquals("audio/webm", parts.get("file").contentType());
    assertTrue(Arrays.equals(WEBM, parts.get("file").content()), "the clip's bytes, unaltered");

    assertEquals("I led the migration.", transcript.text());
    assertEquals("english", transcript.language());
    assertEquals(2.5, transcript.durationSeconds());
    assertEquals(List.of(new TimedWord("I", 0.0, 0.24), new TimedWord("led", 0.24, 0.6),
        new TimedWord("the", 0.6, 0.72), new TimedWord("migration.", 0.72, 1.5)), transcript.words());
  }

  @Test
  void aServerThatOnlySendsTextStillTranscribesAndNoKeyMeansNoAuthorization() throws Exception {
    provider.answer(200, "application/json", "{\"text\": \"Hello there\"}");

    Transcript transcript = adapter("", "", true).transcribe(new AudioClip(WEBM, "webm"));

    FakeProvider.Recorded request = provider.only();
    assertNull(request.header("Authorization"));
    assertFalse(FakeProvider.parts(request).containsKey("language"));
    assertEquals("Hello there", transcript.text());
    assertEquals("", transcript.language());
    assertEquals(0.0, transcript.durationSeconds());
    assertEquals(List.of(), transcript.words());
  }

  @Test
  void withoutWordTimestampsItAsksForPlainJson() throws Exception {
    provider.answer(200, "application/json", "{\"text\": \"Hello\"}");

    adapter(KEY, "", false).transcribe(new AudioClip(WEBM, "webm"));

    Map<String, FakeProvider.Part> parts = FakeProvider.parts(provider.only());
    assertEquals("json", parts.get("response_format").text());
    assertFalse(parts.containsKey("timestamp_granularities[]"));
  }

  @ParameterizedTest(name = "{0} declared as \"{1}\" is uploaded as .{2}")
  @CsvSource({
      "1A45DFA39F, '', webm",
      "4F67675300, audio/webm, ogg",
      "52494646240000005741564566, wav, wav",
      "000000206674797069736F6D, '', mp4",
      "0102030405, audio/webm;codecs=opus, webm",
      "0102030405, audio/ogg;codecs=opus, ogg",
      "0102030405, audio/mp4, mp4",
      "0102030405, audio/x-m4a, mp4",
      "0102030405, audio/wav, wav",
      "494433040000, '', mp3",
  })
  void theUploadIsNamedAfterWhatTheBytesAreOrElseWhatTheClientDeclared(String hex, String format, String extension)
      throws Exception {
    provider.answer(200, "application/json", "{\"text\": \"ok\"}");

    adapter(KEY, "", true).transcribe(new AudioClip(hex(hex), format));

    assertEquals("answer." + extension, FakeProvider.parts(provider.only()).get("file").filename());
  }

  @Test
  void aFormatNoServerDecodesIsRefusedUnsent() {
    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(hex("0102030405"), "audio/aiff"));

    assertEquals(Kind.UNSUPPORTED_AUDIO, e.kind());
    assertTrue(e.getMessage().contains("audio/aiff"), e.getMessage());
    assertTrue(provider.requests().isEmpty());
  }

  @Test
  void aClipOverTheUploadLimitIsRefusedUnsent() throws Exception {
    OpenAiSpeechToText.Settings settings = OpenAiSpeechToText.Settings.from(ConfigFactory.parseString("""
        base-url = "%s"
        api-key = "%s"
        model = whisper-1
        language = ""
        word-timestamps = true
        max-upload = 25MiB
        connect-timeout = 2s
        request-timeout = 5s
        """.formatted(provider.baseUrl("/v1"), KEY)));
    assertEquals(25L * 1024 * 1024, settings.maxUploadBytes());
    byte[] tooLarge = new byte[25 * 1024 * 1024 + 1];
    System.arraycopy(WEBM, 0, tooLarge, 0, WEBM.length);

    SpeechException e = failure(new OpenAiSpeechToText(settings), new AudioClip(tooLarge, "webm"));

    assertEquals(Kind.TOO_LARGE, e.kind());
    assertFalse(e.retryable());
    assertTrue(provider.requests().isEmpty(), "no request for a clip the provider would refuse");
  }

  @Test
  void aClipAtTheLimitIsSentAndOneByteMoreIsNot() throws Exception {
    provider.answer(200, "application/json", "{\"text\": \"ok\"}");
    OpenAiSpeechToText stt = adapter(provider.baseUrl("/v1"), KEY, "", true, 64, Duration.ofSeconds(5));
    byte[] atLimit = Arrays.copyOf(WEBM, 64);

    stt.transcribe(new AudioClip(atLimit, "webm"));
    SpeechException e = failure(stt, new AudioClip(Arrays.copyOf(WEBM, 65), "webm"));

    assertEquals(Kind.TOO_LARGE, e.kind());
    assertEquals(1, provider.requests().size());
  }

  @Test
  void anEmptyRecordingIsRefusedUnsent() {
    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(new byte[0], "webm"));

    assertEquals(Kind.EMPTY_AUDIO, e.kind());
    assertTrue(provider.requests().isEmpty());
  }

  @Test
  void anEmptyTranscriptIsEmptyAudio() {
    provider.answer(200, "application/json", "{\"text\": \"  \", \"language\": \"english\", \"duration\": 3.0, \"words\": []}");

    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.EMPTY_AUDIO, e.kind());
    assertEquals(1, provider.requests().size());
  }

  @Test
  void rateLimitingCarriesRetryAfterSeconds() {
    provider.answer(429, "application/json",
        "{\"error\": {\"message\": \"Rate limit reached for whisper-1 on requests per min (RPM): Limit 50\","
            + " \"type\": \"requests\", \"param\": null, \"code\": \"rate_limit_exceeded\"}}",
        "Retry-After", "7");

    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.RATE_LIMITED, e.kind());
    assertTrue(e.retryable());
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertTrue(e.getMessage().contains("Rate limit reached for whisper-1"), e.getMessage());
  }

  @Test
  void aServerErrorIsUnavailable() {
    provider.answer(500, "application/json",
        "{\"error\": {\"message\": \"The server had an error while processing your request.\", \"type\": \"server_error\"}}");

    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.PROVIDER_UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
    assertTrue(e.retryAfter().isEmpty());
    assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
  }

  @Test
  void aBadKeyIsRejectedWithTheProvidersMessageAndWithoutTheKey() {
    provider.answer(401, "application/json", """
        {"error": {"message": "Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.",
                   "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}
        """.formatted(KEY));

    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.PROVIDER_REJECTED, e.kind());
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
  }

  @Test
  void noAnswerWithinTheTimeoutIsATimeout() {
    provider.stallBeforeHeaders();

    SpeechException e = failure(withTimeout(Duration.ofMillis(300)), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.TIMEOUT, e.kind());
    assertTrue(e.retryable());
  }

  @Test
  void aBodyThatStallsAfterTheHeadersIsATimeoutToo() {
    provider.stallMidBody("application/json", "{\"text\": \"I led".getBytes(StandardCharsets.UTF_8));

    SpeechException e = failure(withTimeout(Duration.ofMillis(300)), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.TIMEOUT, e.kind());
  }

  @Test
  void malformedJsonIsAnInvalidResponse() {
    provider.answer(200, "application/json", "{\"text\": \"I led the");

    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.INVALID_RESPONSE, e.kind());
  }

  @Test
  void jsonWithoutTextIsAnInvalidResponse() {
    provider.answer(200, "application/json", "{\"transcript\": \"I led the migration.\"}");

    SpeechException e = failure(adapter(KEY, "", true), new AudioClip(WEBM, "webm"));

    assertEquals(Kind.INVALID_RESPONSE, e.kind());
  }

  @Test
  void aClosedPortIsUnavailable() throws IOException {
    OpenAiSpeechToText stt = adapter(FakeProvider.closedBaseUrl(), KEY, "", true, 1024, Duration.ofSeconds(5));

    SpeechException e = failure(stt, new AudioClip(WEBM, "webm"));

    assertEquals(Kind.PROVIDER_UNAVAILABLE, e.kind());
    assertTrue(e.retryable());
  }

  static byte[] hex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
