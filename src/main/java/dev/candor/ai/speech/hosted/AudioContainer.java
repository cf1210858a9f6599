package dev.candor.ai.speech.hosted;

import dev.candor.ai.speech.audio.Container;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The containers the OpenAI-compatible servers accept, named the way they want them: they decide the
 * decoder from the upload's file name extension, not from its bytes.
 */
enum AudioContainer {
  WEBM("webm", "audio/webm", "webm"),
  OGG("ogg", "audio/ogg", "ogg", "oga", "opus"),
  MP4("mp4", "audio/mp4", "mp4", "m4a", "x-m4a"),
  WAV("wav", "audio/wav", "wav", "wave", "x-wav", "vnd.wave"),
  MP3("mp3", "audio/mpeg", "mp3", "mpeg", "mpga"),
  FLAC("flac", "audio/flac", "flac", "x-flac");

  private final String extension;
  private final String mimeType;
  private final String[] names;

  AudioContainer(String extension, String mimeType, String... names) {
    this.extension = extension;
    this.mimeType = mimeType;
    this.names = names;
  }

  String extension() {
    return extension;
  }

  String mimeType() {
    return mimeType;
  }

  /** What the bytes are, as the decoder reads their magic numbers; empty for what the servers do not take. */
  static Optional<AudioContainer> sniff(byte[] bytes) {
    return switch (Container.sniff(bytes)) {
      case WEBM -> Optional.of(WEBM);
      case OGG -> Optional.of(OGG);
      case MP4 -> Optional.of(MP4);
      case WAV -> Optional.of(WAV);
      case MP3 -> Optional.of(MP3);
      case FLAC -> Optional.of(FLAC);
      default -> Optional.empty();
    };
  }

  /** What a client declared: a bare name ("webm") or a MIME type with parameters ("audio/webm;codecs=opus"). */
  static Optional<AudioContainer> declared(String format) {
    String name = format.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).replaceFirst("^(audio|video)/", "");
    return Arrays.stream(values()).filter(c -> Arrays.asList(c.names).contains(name)).findFirst();
  }
}
