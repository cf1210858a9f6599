package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import java.nio.charset.StandardCharsets;

/** Reads RIFF/WAVE with integer PCM (8, 16, 24, 32 bit) or IEEE float (32, 64 bit) samples, downmixed to mono. */
final class WavReader {

  private static final int PCM = 1;
  private static final int IEEE_FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  private WavReader() {}

  static MonoBuffer read(byte[] b, double maxSeconds) throws SpeechException {
    int pos = 12;
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    int blockAlign = 0;
    while (pos + 8 <= b.length) {
      String id = new String(b, pos, 4, StandardCharsets.ISO_8859_1);
      long size = le(b, pos + 4, 4);
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > b.length) {
          throw Failures.invalid("the WAV file's format chunk is cut short");
        }
        format = (int) le(b, body, 2);
        channels = (int) le(b, body + 2, 2);
        rate = (int) le(b, body + 4, 4);
        blockAlign = (int) le(b, body + 12, 2);
        bits = (int) le(b, body + 14, 2);
        if (format == EXTENSIBLE && size >= 40 && body + 26 <= b.length) {
          // The sub-format GUID starts with the plain format tag.
          format = (int) le(b, body + 24, 2);
        }
      } else if (id.equals("data")) {
        if (format < 0) {
          throw Failures.invalid("the WAV file has no format chunk before its data");
        }
        // Streaming writers leave the size at 0 or 0xFFFFFFFF; cut-off uploads claim more than is there.
        long available = b.length - body;
        long length = size == 0 || size > available ? available : size;
        return samples(b, body, length, format, channels, rate, bits, blockAlign, maxSeconds);
      }
      // Chunks are padded to even sizes.
      long next = body + size + (size & 1);
      if (next > b.length) {
        break;
      }
      pos = (int) next;
    }
    throw Failures.invalid(format < 0 ? "the WAV file has no format chunk" : "the WAV file has no data chunk");
  }

  private static MonoBuffer samples(byte[] b, int offset, long length, int format, int channels, int rate, int bits,
      int blockAlign, double maxSeconds) throws SpeechException {
    boolean integer = format == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    boolean floating = format == IEEE_FLOAT && (bits == 32 || bits == 64);
    if (!integer && !floating) {
      throw Failures.unsupported("WAV in " + formatName(format, bits) + " is not supported (PCM or float only)");
    }
    if (channels < 1 || rate < 1000 || rate > 384_000) {
      throw Failures.invalid("the WAV file claims " + channels + " channels at " + rate + " Hz");
    }
    int width = bits / 8;
    int frameBytes = Math.max(blockAlign, width * channels);
    long frames = length / frameBytes;
    if (frames / (double) rate > maxSeconds) {
      throw Failures.tooLarge("the recording is " + Math.round(frames / (double) rate) + " s long, over the "
          + maxSeconds + " s limit");
    }
    MonoBuffer out = new MonoBuffer(rate, maxSeconds);
    for (long f = 0; f < frames; f++) {
      int at = (int) (offset + f * frameBytes);
      double sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += sample(b, at + c * width, width, floating);
      }
      out.add((float) (sum / channels));
    }
    return out;
  }

  private static double sample(byte[] b, int at, int width, boolean floating) {
    if (floating) {
      double v = width == 4 ? Float.intBitsToFloat((int) le(b, at, 4)) : Double.longBitsToDouble(le(b, at, 8));
      return Double.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
    }
    return switch (width) {
      case 1 -> ((b[at] & 0xFF) - 128) / 128.0; // 8-bit WAV is unsigned
      case 2 -> (short) le(b, at, 2) / 32768.0;
      case 3 -> ((int) (le(b, at, 3) << 8) >> 8) / 8388608.0;
      default -> (int) le(b, at, 4) / 2147483648.0;
    };
  }

  private static String formatName(int format, int bits) {
    return switch (format) {
      case 2 -> "Microsoft ADPCM";
      case 6 -> "A-law";
      case 7 -> "mu-law";
      case 0x11 -> "IMA ADPCM";
      case 0x55 -> "MP3";
      case PCM, IEEE_FLOAT -> (format == PCM ? "PCM " : "float ") + bits + "-bit";
      default -> "format 0x" + Integer.toHexString(format);
    };
  }

  private static long le(byte[] b, int offset, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = v << 8 | (b[offset + i] & 0xFF);
    }
    return v;
  }
}
