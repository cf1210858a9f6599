package dev.candor.ai.speech;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Synthesised speech, ready to send: {@code contentType} is "audio/mpeg" unless a provider says otherwise. */
public record SpeechAudio(byte[] bytes, String contentType) {

  private static final String MP3 = "audio/mpeg";

  /** MPEG-1 and MPEG-2 Layer III bitrates in kb/s by the header's 4-bit index. */
  private static final int[] MPEG1_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
  private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
  private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};

  public boolean isMp3() {
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MP3);
  }

  /**
   * Clips spoken one after another as one MP3 stream; empty unless every clip is MP3. MP3 frames stand alone, so
   * the frames of clips encoded with the same settings play in sequence; what would make a player stop early or
   * click is dropped: a leading ID3v2 tag, and a Xing/Info frame, whose frame count describes one clip only.
   */
  public static Optional<SpeechAudio> join(List<SpeechAudio> clips) {
    if (clips.isEmpty() || !clips.stream().allMatch(SpeechAudio::isMp3)) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SpeechAudio clip : clips) {
      byte[] bytes = clip.bytes();
      int start = skipInfoFrame(bytes, skipId3(bytes));
      out.write(bytes, start, bytes.length - start);
    }
    return Optional.of(new SpeechAudio(out.toByteArray(), MP3));
  }

  private static int skipId3(byte[] b) {
    if (b.length < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3') {
      return 0;
    }
    // The tag's size is four 7-bit bytes, not counting its 10-byte header (nor a footer, flagged in bit 4).
    int size = (b[6] & 0x7f) << 21 | (b[7] & 0x7f) << 14 | (b[8] & 0x7f) << 7 | (b[9] & 0x7f);
    int end = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
    return Math.min(end, b.length);
  }

  /** Past the first frame when it is a Xing, Info or VBRI header rather than audio. */
  private static int skipInfoFrame(byte[] b, int at) {
    if (at + 4 > b.length || (b[at] & 0xff) != 0xff || (b[at + 1] & 0xe0) != 0xe0) {
      return at;
    }
    boolean mpeg1 = (b[at + 1] & 0x18) == 0x18;
    boolean mono = (b[at + 3] & 0xc0) == 0xc0;
    int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    if (!tagAt(b, at + 4 + sideInfo, "Xing") && !tagAt(b, at + 4 + sideInfo, "Info") && !tagAt(b, at + 36, "VBRI")) {
      return at;
    }
    int bitrateIndex = (b[at + 2] & 0xf0) >>> 4;
    int rateIndex = (b[at + 2] & 0x0c) >>> 2;
    if (bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return at;
    }
    int version = (b[at + 1] & 0x18) >>> 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    int rate = MPEG1_RATES[rateIndex] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
    int kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
    int length = (mpeg1 ? 144_000 : 72_000) * kbps / rate + ((b[at + 2] & 0x02) >>> 1);
    return Math.min(at + length, b.length);
  }

  private static boolean tagAt(byte[] b, int at, String tag) {
    if (at + tag.length() > b.length) {
      return false;
    }
    for (int i = 0; i < tag.length(); i++) {
      if (b[at + i] != tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
