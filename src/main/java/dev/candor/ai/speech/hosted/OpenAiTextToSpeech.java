package dev.candor.ai.speech.hosted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import dev.candor.ai.speech.TextToSpeech;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * Text to speech through the OpenAI speech API ({@code POST {baseUrl}/audio/speech}), as MP3.
 *
 * <p>The API takes at most {@value #MAX_INPUT_CHARS} characters. Longer text is refused with
 * {@link Kind#TOO_LARGE} before any request rather than split: an interviewer's turn is a few sentences,
 * so text that long is a bug upstream, and stitched MP3s would carry a seam at every cut.
 */
public final class OpenAiTextToSpeech implements TextToSpeech {

  public static final int MAX_INPUT_CHARS = 4096;

  /**
   * @param baseUrl up to and including the version, e.g. {@code https://api.openai.com/v1}
   * @param apiKey sent as a bearer token; blank for local servers that take none
   * @param voiceFemale the voice the seeds' "female" means (e.g. "nova")
   * @param voiceMale the voice the seeds' "male" means (e.g. "onyx")
   */
  public record Settings(String baseUrl, String apiKey, String model, String voiceFemale, String voiceMale,
      Duration connectTimeout, Duration requestTimeout) {

    public Settings {
      apiKey = apiKey == null ? "" : apiKey.strip();
    }

    /** From a block such as {@code candor.speech.tts.openai}. */
    public static Settings from(Config c) {
      return new Settings(c.getString("base-url"), c.getString("api-key"), c.getString("model"),
          c.getString("voice-female"), c.getString("voice-male"), c.getDuration("connect-timeout"),
          c.getDuration("request-timeout"));
    }
  }

  private final Settings settings;
  private final ProviderHttp http;

  public OpenAiTextToSpeech(Settings settings) {
    this.settings = settings;
    this.http = new ProviderHttp(settings.baseUrl(), settings.apiKey(), settings.connectTimeout(),
        settings.requestTimeout(), Clock.systemUTC());
  }

  /** @param voice "female", "male", or one of the provider's voice names, passed through */
  @Override
  public SpeechAudio synthesize(String text, String voice) throws SpeechException {
    String input = text == null ? "" : text.strip();
    int length = input.codePointCount(0, input.length());
    if (length > MAX_INPUT_CHARS) {
      throw new SpeechException(Kind.TOO_LARGE,
          "The text to speak is " + length + " characters; the speech service takes at most " + MAX_INPUT_CHARS);
    }
    ObjectNode body = ProviderHttp.JSON.createObjectNode()
        .put("model", settings.model())
        .put("input", input)
        .put("voice", ProviderHttp.seedVoice(voice, settings.voiceFemale(), settings.voiceMale()))
        .put("response_format", "mp3");
    HttpRequest.Builder request = http.request("/audio/speech")
        .header("Content-Type", "application/json")
        .header("Accept", "audio/mpeg")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (!settings.apiKey().isEmpty()) {
      request.header("Authorization", "Bearer " + settings.apiKey());
    }
    return http.audio(http.send(request.build()));
  }
}
