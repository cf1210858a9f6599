package dev.candor.ai.speech.embedded;

/** Integer-factor decimation to 16 kHz with a windowed-sinc low-pass, enough for feeding Vosk in tests. */
final class Resampling {

  private Resampling() {}

  static short[] to16k(short[] samples, int rate) {
    if (rate == 16_000) {
      return samples;
    }
    if (rate % 16_000 != 0) {
      throw new IllegalArgumentException("only multiples of 16 kHz: " + rate);
    }
    int factor = rate / 16_000;
    int taps = 63;
    double cutoff = 7_200.0 / rate;
    double[] h = new double[taps];
    double sum = 0;
    for (int i = 0; i < taps; i++) {
      int m = i - taps / 2;
      double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
      h[i] = sinc * (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (taps - 1)));
      sum += h[i];
    }
    short[] out = new short[samples.length / factor];
    for (int o = 0; o < out.length; o++) {
      double acc = 0;
      for (int i = 0; i < taps; i++) {
        int s = o * factor + i - taps / 2;
        if (s >= 0 && s < samples.length) {
          acc += samples[s] * h[i] / sum;
        }
      }
      out[o] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
    }
    return out;
  }
}
