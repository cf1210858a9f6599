package dev.candor.ai.speech.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.Transcript;
import dev.candor.ai.speech.Transcript.TimedWord;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Speech to text through the OpenAI transcription API ({@code POST {baseUrl}/audio/transcriptions}), which
 * Groq, LocalAI and speaches (faster-whisper) serve too: point the base URL at any of them.
 */
public final class OpenAiSpeechToText implements SpeechToText {

  /**
   * @param baseUrl up to and including the version, e.g. {@code https://api.openai.com/v1}
   * @param apiKey sent as a bearer token; blank for local servers that take none
   * @param language ISO-639-1 hint ("en"), blank to let the model detect it
   * @param wordTimestamps asks for {@code verbose_json} with word timings; off for models and servers that
   *     only answer {@code json} (OpenAI's gpt-4o-transcribe family)
   * @param maxUploadBytes the provider's upload limit (OpenAI: 25 MB); larger clips are refused unsent
   */
  public record Settings(String baseUrl, String apiKey, String model, String language, boolean wordTimestamps,
      long maxUploadBytes, Duration connectTimeout, Duration requestTimeout) {

    public Settings {
      apiKey = apiKey == null ? "" : apiKey.strip();
      language = language == null ? "" : language.strip();
    }

    /** From a block such as {@code candor.speech.stt.openai}. */
    public static Settings from(Config c) {
      return new Settings(c.getString("base-url"), c.getString("api-key"), c.getString("model"),
          c.getString("language"), c.getBoolean("word-timestamps"), c.getBytes("max-upload"),
          c.getDuration("connect-timeout"), c.getDuration("request-timeout"));
    }
  }

  private final Settings settings;
  private final ProviderHttp http;

  public OpenAiSpeechToText(Settings settings) {
    this.settings = settings;
    this.http = new ProviderHttp(settings.baseUrl(), settings.apiKey(), settings.connectTimeout(), settings.requestTimeout(),
        Clock.systemUTC());
  }

  @Override
  public Transcript transcribe(AudioClip clip) throws SpeechException {
    byte[] audio = clip.bytes();
    if (audio.length == 0) {
      throw new SpeechException(Kind.EMPTY_AUDIO, "The recording is empty");
    }
    if (audio.length > settings.maxUploadBytes()) {
      throw new SpeechException(Kind.TOO_LARGE, "The recording is " + megabytes(audio.length)
          + "; the transcription service accepts at most " + megabytes(settings.maxUploadBytes()));
    }
    AudioContainer container = AudioContainer.sniff(audio).or(() -> AudioContainer.declared(clip.format()))
        .orElseThrow(() -> new SpeechException(Kind.UNSUPPORTED_AUDIO, "Recordings in "
            + (clip.format().isEmpty() ? "an unknown format" : "'" + clip.format() + "'")
            + " cannot be transcribed; send webm, ogg, mp4, wav, mp3 or flac"));

    String boundary = "candor-" + UUID.randomUUID().toString().replace("-", "");
    HttpRequest.Builder request = http.request("/audio/transcriptions")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(form(boundary, container, audio)));
    if (!settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return transcript(http.json(http.send(request.build())));
  }

  private byte[] form(String boundary, AudioContainer container, byte[] audio) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(audio.length + 1024);
    field(body, boundary, "model", settings.model());
    if (settings.wordTimestamps()) {
      field(body, boundary, "response_format", "verbose_json");
      field(body, boundary, "timestamp_granularities[]", "word");
    } else {
      field(body, boundary, "response_format", "json");
    }
    if (!settings.language().isEmpty()) {
      field(body, boundary, "language", settings.language());
    }
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"answer."
        + container.extension() + "\"\r\nContent-Type: " + container.mimeType() + "\r\n\r\n");
    body.writeBytes(audio);
    write(body, "\r\n--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code verbose_json} has language, duration and words; a server that ignored it sends only text. */
  private Transcript transcript(JsonNode root) throws SpeechException {
    JsonNode text = root.get("text");
    if (text == null || !text.isTextual()) {
      throw new SpeechException(Kind.INVALID_RESPONSE, "The transcription service answered without a text field");
    }
    List<TimedWord> words = new ArrayList<>();
    for (JsonNode w : root.path("words")) {
      if (w.path("word").isTextual() && w.path("start").isNumber() && w.path("end").isNumber()) {
        words.add(new TimedWord(w.get("word").asText().strip(), w.get("start").asDouble(), w.get("end").asDouble()));
      }
    }
    JsonNode duration = root.path("duration");
    double seconds = duration.isNumber() ? duration.asDouble()
        : words.isEmpty() ? 0 : words.get(words.size() - 1).endSeconds();
    String language = root.path("language").isTextual() ? root.get("language").asText() : settings.language();
    Transcript transcript = new Transcript(text.asText(), language, seconds, words);
    if (transcript.isEmpty()) {
      throw new SpeechException(Kind.EMPTY_AUDIO, "No speech was recognised in the recording");
    }
    return transcript;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
