package dev.candor.ai.speech.hosted;

import java.nio.charset.StandardCharsets;
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

  /** What the bytes are, by their magic numbers. */
  static Optional<AudioContainer> sniff(byte[] b) {
    if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE")) {
      return Optional.of(WAV);
    }
    if (startsWith(b, 0, "OggS")) {
      return Optional.of(OGG);
    }
    if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
      return Optional.of(WEBM);
    }
    if (startsWith(b, 4, "ftyp")) {
      return Optional.of(MP4);
    }
    if (startsWith(b, 0, "fLaC")) {
      return Optional.of(FLAC);
    }
    // An MPEG audio frame sync with a layer set; layer 0 is ADTS AAC, which the servers do not take.
    boolean frameSync = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0;
    if (startsWith(b, 0, "ID3") || frameSync) {
      return Optional.of(MP3);
    }
    return Optional.empty();
  }

  /** What a client declared: a bare name ("webm") or a MIME type with parameters ("audio/webm;codecs=opus"). */
  static Optional<AudioContainer> declared(String format) {
    String name = format.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).replaceFirst("^(audio|video)/", "");
    return Arrays.stream(values()).filter(c -> Arrays.asList(c.names).contains(name)).findFirst();
  }

  private static boolean startsWith(byte[] bytes, int offset, String magic) {
    byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
    return bytes.length >= offset + m.length
        && Arrays.equals(bytes, offset, offset + m.length, m, 0, m.length);
  }
}
