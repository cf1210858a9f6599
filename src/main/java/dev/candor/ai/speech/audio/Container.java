package dev.candor.ai.speech.audio;

/**
 * What an audio file is, by its first bytes: the one reading of magic numbers, for the decoder and for the
 * hosted recognisers (which want the right file name extension).
 */
public enum Container {
  WEBM("WebM"), OGG("Ogg"), WAV("WAV"), MP4("MP4"),
  MP3("MP3"), FLAC("FLAC"), ADTS("raw AAC (ADTS)"), AIFF("AIFF"), AMR("AMR"), RF64("RF64 WAV"),
  UNKNOWN("unknown");

  private final String label;

  Container(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Container sniff(byte[] b) {
    if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
      return WEBM;
    }
    if (ascii(b, 0, "OggS")) {
      return OGG;
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "WAVE")) {
      return WAV;
    }
    if (ascii(b, 0, "RF64")) {
      return RF64;
    }
    if (ascii(b, 4, "ftyp") || ascii(b, 4, "moov") || ascii(b, 4, "styp")) {
      return MP4;
    }
    // An MPEG audio frame sync: layer bits set is MP3 (any version), layer 0 is raw AAC (ADTS).
    boolean frameSync = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0;
    if (ascii(b, 0, "ID3") || frameSync && (b[1] & 0x06) != 0) {
      return MP3;
    }
    if (frameSync && (b[1] & 0xF6) == 0xF0) {
      return ADTS;
    }
    if (ascii(b, 0, "fLaC")) {
      return FLAC;
    }
    if (ascii(b, 0, "FORM") && (ascii(b, 8, "AIFF") || ascii(b, 8, "AIFC"))) {
      return AIFF;
    }
    if (ascii(b, 0, "#!AMR")) {
      return AMR;
    }
    return UNKNOWN;
  }

  private static boolean starts(byte[] b, int at, int... values) {
    if (b.length < at + values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if ((b[at + i] & 0xFF) != values[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int at, String text) {
    return starts(b, at, text.chars().toArray());
  }
}
