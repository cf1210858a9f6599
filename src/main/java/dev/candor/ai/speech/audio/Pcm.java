package dev.candor.ai.speech.audio;

/**
 * Decoded audio as the recogniser takes it: signed 16-bit samples, {@value #SAMPLE_RATE} Hz, one channel.
 *
 * @param samples the samples; the record does not copy them, so treat them as read-only
 */
public record Pcm(short[] samples) {

  public static final int SAMPLE_RATE = 16_000;

  /** A loudest 20 ms window quieter than this (dBFS) counts as silence: room noise sits well below speech. */
  public static final double DEFAULT_SILENCE_DBFS = -45;

  private static final int WINDOW = SAMPLE_RATE / 50;

  /** 100 ms of sound: shorter than any spoken word, longer than a click or a knock on the desk. */
  private static final int MIN_SOUND_WINDOWS = 5;

  public Pcm {
    samples = samples == null ? new short[0] : samples;
  }

  /** Mono 16-bit samples at {@code rate}, resampled to {@value #SAMPLE_RATE} Hz. */
  public static Pcm of(short[] samples, int rate) {
    float[] floats = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      floats[i] = samples[i] / 32768f;
    }
    return new Pcm(Resampler.toPcm(floats, floats.length, rate));
  }

  public double seconds() {
    return samples.length / (double) SAMPLE_RATE;
  }

  /** The s16le bytes Vosk's {@code acceptWaveForm} expects. */
  public byte[] toLittleEndianBytes() {
    byte[] out = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      out[2 * i] = (byte) samples[i];
      out[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return out;
  }

  /** Root mean square of the whole clip, 0 to 1 of full scale. */
  public double rms() {
    return rms(0, samples.length);
  }

  /** Largest absolute sample, 0 to 1 of full scale. */
  public double peak() {
    int max = 0;
    for (short s : samples) {
      max = Math.max(max, Math.abs(s));
    }
    return max / 32768.0;
  }

  /**
   * Whether less than 100 ms of the clip, counted in 20 ms windows, rises above
   * {@code thresholdDbfs}. Windows rather than the whole-clip RMS, so a short "yes" in a long quiet recording still
   * counts as sound, and a click or two (a few loud samples) does not.
   */
  public boolean isSilent(double thresholdDbfs) {
    double threshold = Math.pow(10, thresholdDbfs / 20);
    int loud = 0;
    for (int start = 0; start < samples.length; start += WINDOW) {
      if (rms(start, Math.min(samples.length, start + WINDOW)) > threshold && ++loud >= MIN_SOUND_WINDOWS) {
        return false;
      }
    }
    return true;
  }

  public boolean isSilent() {
    return isSilent(DEFAULT_SILENCE_DBFS);
  }

  private double rms(int from, int to) {
    if (to <= from) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      double v = samples[i] / 32768.0;
      sum += v * v;
    }
    return Math.sqrt(sum / (to - from));
  }

  @Override
  public String toString() {
    return "Pcm[" + samples.length + " samples, " + seconds() + " s]";
  }
}
