package dev.candor.ai.speech.audio;

import java.util.Arrays;

/**
 * Decoded mono samples (full scale ±1) at the decoder's own rate, growing as packets arrive. The cap is the
 * duration limit in samples: a few bytes of Opus can claim 120 ms each, so output is bounded here, not by input size.
 */
final class MonoBuffer {

  private final int rate;
  private final long cap;
  private float[] samples = new float[4096];
  private int length;
  private boolean overflowed;

  MonoBuffer(int rate, double maxSeconds) {
    this.rate = rate;
    this.cap = (long) Math.ceil(maxSeconds * rate);
  }

  void add(float sample) {
    if (length >= cap || length == Integer.MAX_VALUE - 8) {
      overflowed = true;
      return;
    }
    if (length == samples.length) {
      samples = Arrays.copyOf(samples, (int) Math.min(cap + 1, Math.min(Integer.MAX_VALUE - 8L, samples.length * 2L)));
    }
    samples[length++] = sample;
  }

  /** Cuts the tail, for containers that say how much of the last packet is padding. */
  void truncate(int newLength) {
    length = Math.max(0, Math.min(length, newLength));
  }

  boolean overflowed() {
    return overflowed;
  }

  int rate() {
    return rate;
  }

  int length() {
    return length;
  }

  float[] samples() {
    return samples;
  }

  double seconds() {
    return length / (double) rate;
  }
}
