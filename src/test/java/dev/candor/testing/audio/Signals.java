package dev.candor.testing.audio;

/**
 * Test signals computed in closed form, so the same signal can be had at any sample rate: the reference for a decoded
 * 16 kHz clip is the signal generated at 16 kHz, not the source passed through the code under test.
 */
public final class Signals {

  private Signals() {}

  /**
   * Voice-like sound: a gliding fundamental (110 to 190 Hz) with harmonics up to 3.5 kHz shaped by three formants,
   * gated into syllables about 3 times a second. Everything is below 4 kHz, so nothing is lost going to 16 kHz.
   */
  public static short[] speechLike(int rate, double seconds) {
    int n = (int) Math.round(rate * seconds);
    short[] out = new short[n];
    double glide = 0.7;
    double depth = 40;
    for (int i = 0; i < n; i++) {
      double t = i / (double) rate;
      double f0 = 150 + depth * Math.sin(2 * Math.PI * glide * t);
      // the integral of 2π·f0(t), so the pitch glides without phase jumps
      double phase = 2 * Math.PI * (150 * t - depth / (2 * Math.PI * glide) * Math.cos(2 * Math.PI * glide * t));
      double v = 0;
      for (int k = 1; k * 190 < 3500; k++) {
        double f = k * f0;
        double weight = formant(f, 600, 200) + 0.6 * formant(f, 1500, 250) + 0.3 * formant(f, 2600, 300);
        v += weight * Math.sin(k * phase) / Math.sqrt(k);
      }
      double syllable = Math.pow(Math.sin(Math.PI * 3.1 * t), 2);
      out[i] = (short) Math.round(0.25 * 32767 * syllable * v / 1.6);
    }
    return out;
  }

  /** A pure tone, {@code amplitude} of full scale. */
  public static short[] tone(int rate, double seconds, double frequency, double amplitude) {
    int n = (int) Math.round(rate * seconds);
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / rate));
    }
    return out;
  }

  /** Interleaves two channels, as WAV and Opus encoders take them. */
  public static short[] interleave(short[] left, short[] right) {
    int n = Math.min(left.length, right.length);
    short[] out = new short[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = left[i];
      out[2 * i + 1] = right[i];
    }
    return out;
  }

  /** The average of two channels, which is what a decoder's downmix should give. */
  public static short[] mix(short[] a, short[] b) {
    int n = Math.min(a.length, b.length);
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = (short) ((a[i] + b[i]) / 2);
    }
    return out;
  }

  /**
   * Normalised cross-correlation of {@code actual} against {@code reference}, at the lag in
   * [-maxLag, maxLag] where it is highest ({@code actual[i + lag]} against {@code reference[i]}).
   */
  public static Match bestMatch(short[] reference, short[] actual, int maxLag) {
    Match best = new Match(-2, 0);
    for (int lag = -maxLag; lag <= maxLag; lag++) {
      double xy = 0;
      double xx = 0;
      double yy = 0;
      for (int i = 0; i < reference.length; i++) {
        int j = i + lag;
        if (j < 0 || j >= actual.length) {
          continue;
        }
        xy += (double) reference[i] * actual[j];
        xx += (double) reference[i] * reference[i];
        yy += (double) actual[j] * actual[j];
      }
      double c = xx == 0 || yy == 0 ? 0 : xy / Math.sqrt(xx * yy);
      if (c > best.correlation()) {
        best = new Match(c, lag);
      }
    }
    return best;
  }

  /** RMS of a clip, 0 to 1 of full scale. */
  public static double rms(short[] samples) {
    double sum = 0;
    for (short s : samples) {
      sum += (s / 32768.0) * (s / 32768.0);
    }
    return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
  }

  public record Match(double correlation, int lag) {}

  private static double formant(double f, double centre, double width) {
    double d = (f - centre) / width;
    return 1 / (1 + d * d);
  }
}
