package dev.candor.ai.speech.audio;

/**
 * Band-limited sample-rate conversion to {@link Pcm#SAMPLE_RATE}: a Blackman-windowed sinc, looked up from a table
 * so arbitrary ratios (44.1 kHz to 16 kHz) cost no trigonometry per tap. Picking the nearest sample instead would
 * fold everything above 8 kHz back into the speech band.
 */
final class Resampler {

  /** Zero crossings of the sinc on each side; at 48 to 16 kHz that is 66 taps, close to the measured 63-tap filter. */
  private static final int ZERO_CROSSINGS = 11;

  /** Table entries per input sample of kernel offset; linear interpolation between them is far below 16-bit noise. */
  private static final int TABLE_STEPS = 512;

  /** Pass band as a share of the output Nyquist: 0.9 of 8 kHz is the 7.2 kHz cutoff measured against ffmpeg. */
  private static final double PASS = 0.9;

  private Resampler() {}

  static short[] toPcm(float[] in, int length, int inRate) {
    if (inRate == Pcm.SAMPLE_RATE) {
      return quantise(in, length);
    }
    double ratio = Pcm.SAMPLE_RATE / (double) inRate;
    // cutoff in cycles per input sample
    double cutoff = 0.5 * Math.min(1.0, ratio) * PASS;
    double halfWidth = ZERO_CROSSINGS / (2 * cutoff);
    float[] table = kernel(cutoff, halfWidth);
    int outLength = (int) Math.floor(length * ratio);
    float[] out = new float[outLength];
    for (int n = 0; n < outLength; n++) {
      double t = n / ratio;
      int first = Math.max(0, (int) Math.ceil(t - halfWidth));
      int last = Math.min(length - 1, (int) Math.floor(t + halfWidth));
      double sum = 0;
      double weights = 0;
      for (int i = first; i <= last; i++) {
        double position = Math.abs(t - i) * TABLE_STEPS;
        int index = (int) position;
        if (index + 1 >= table.length) {
          continue;
        }
        double fraction = position - index;
        double weight = table[index] + (table[index + 1] - table[index]) * fraction;
        sum += in[i] * weight;
        weights += weight;
      }
      // Normalising keeps unity gain at the clip's edges, where part of the kernel hangs off the end.
      out[n] = weights > 1e-6 ? (float) (sum / weights) : 0f;
    }
    return quantise(out, outLength);
  }

  private static float[] kernel(double cutoff, double halfWidth) {
    int size = (int) Math.ceil(halfWidth * TABLE_STEPS) + 2;
    float[] table = new float[size];
    for (int k = 0; k < size; k++) {
      double x = k / (double) TABLE_STEPS;
      if (x >= halfWidth) {
        break;
      }
      double arg = 2 * cutoff * x;
      double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      double w = x / halfWidth;
      double window = 0.42 + 0.5 * Math.cos(Math.PI * w) + 0.08 * Math.cos(2 * Math.PI * w);
      table[k] = (float) (2 * cutoff * sinc * window);
    }
    return table;
  }

  private static short[] quantise(float[] in, int length) {
    short[] out = new short[length];
    for (int i = 0; i < length; i++) {
      long v = Math.round(in[i] * 32768.0);
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
    return out;
  }
}
