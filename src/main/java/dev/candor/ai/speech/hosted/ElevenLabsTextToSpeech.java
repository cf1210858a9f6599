package dev.candor.ai.speech.hosted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.TextToSpeech;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Text to speech through ElevenLabs ({@code POST {baseUrl}/v1/text-to-speech/{voice_id}}). The character
 * limit depends on the model (10,000 for multilingual v2, more for flash and turbo), so it is left to
 * ElevenLabs, whose 400 names it.
 */
public final class ElevenLabsTextToSpeech implements TextToSpeech {

  /**
   * @param baseUrl {@code https://api.elevenlabs.io}
   * @param model a model id such as {@code eleven_multilingual_v2}
   * @param outputFormat codec_samplerate_bitrate, e.g. {@code mp3_44100_128}; blank for ElevenLabs' default
   * @param voiceFemale the voice id the seeds' "female" means
   * @param voiceMale the voice id the seeds' "male" means
   */
  public record Settings(String baseUrl, String apiKey, String model, String outputFormat, String voiceFemale,
      String voiceMale, Duration connectTimeout, Duration requestTimeout) {

    public Settings {
      apiKey = apiKey == null ? "" : apiKey.strip();
      outputFormat = outputFormat == null ? "" : outputFormat.strip();
    }

    /** From a block such as {@code candor.speech.tts.elevenlabs}. */
    public static Settings from(Config c) {
      return new Settings(c.getString("base-url"), c.getString("api-key"), c.getString("model"),
          c.getString("output-format"), c.getString("voice-female"), c.getString("voice-male"),
          c.getDuration("connect-timeout"), c.getDuration("request-timeout"));
    }
  }

  private final Settings settings;
  private final ProviderHttp http;

  public ElevenLabsTextToSpeech(Settings settings) {
    this.settings = settings;
    this.http = new ProviderHttp(settings.baseUrl(), settings.apiKey(), settings.connectTimeout(),
        settings.requestTimeout(), Clock.systemUTC());
  }

  /** @param voice "female", "male", or an ElevenLabs voice id, passed through */
  @Override
  public SpeechAudio synthesize(String text, String voice) throws SpeechException {
    String voiceId = ProviderHttp.seedVoice(voice, settings.voiceFemale(), settings.voiceMale());
    String path = "/v1/text-to-speech/" + encode(voiceId)
        + (settings.outputFormat().isEmpty() ? "" : "?output_format=" + encode(settings.outputFormat()));
    ObjectNode body = ProviderHttp.JSON.createObjectNode()
        .put("text", text == null ? "" : text.strip())
        .put("model_id", settings.model());
    HttpRequest.Builder request = http.request(path)
        .header("Content-Type", "application/json")
        .header("Accept", "audio/mpeg")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (!settings.apiKey().isEmpty()) {
      request.header("xi-api-key", settings.apiKey());
    }
    return http.audio(http.send(request.build()));
  }

  /** A voice id passed through from a client must stay one path segment. */
  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
