package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/** Decodes Opus packets with Concentus to mono at 48 kHz. */
final class OpusPackets {

  /** The longest Opus packet: 120 ms at 48 kHz. */
  private static final int MAX_FRAME = 5760;

  private OpusPackets() {}

  /**
   * Always at 48 kHz: Concentus returns all-zero PCM for libopus hybrid-mode packets (TOC 0x78) when asked for 16 kHz
   * directly (measured, notes/speech.md), so the resampler does the division by three. A mono decoder downmixes
   * stereo streams itself.
   */
  static MonoBuffer decode(OpusStream stream, double maxSeconds) throws SpeechException {
    if (stream.channels() < 1 || stream.channels() > 2) {
      throw Failures.unsupported("Opus with " + stream.channels() + " channels is not supported (mono or stereo only)");
    }
    OpusDecoder decoder;
    try {
      decoder = new OpusDecoder(OpusStream.RATE, 1);
    } catch (OpusException e) {
      throw new IllegalStateException(e);
    }
    double gain = Math.pow(10, stream.gainQ8() / (20.0 * 256));
    // The budget includes the pre-skip, which is thrown away below.
    MonoBuffer out = new MonoBuffer(OpusStream.RATE, maxSeconds + stream.preSkip() / (double) OpusStream.RATE);
    short[] frame = new short[MAX_FRAME];
    int skip = stream.preSkip();
    int decoded = 0;
    for (byte[] packet : stream.packets()) {
      if (packet.length == 0) {
        continue;
      }
      int n;
      try {
        n = decoder.decode(packet, 0, packet.length, frame, 0, MAX_FRAME, false);
      } catch (OpusException | RuntimeException e) {
        // A damaged packet costs its 20 ms, not the recording.
        continue;
      }
      decoded++;
      for (int i = 0; i < n; i++) {
        if (skip > 0) {
          skip--;
        } else {
          out.add((float) (frame[i] * gain / 32768.0));
        }
      }
      if (out.overflowed()) {
        throw Failures.tooLarge("the recording is longer than " + maxSeconds + " s");
      }
    }
    if (decoded == 0 && !stream.packets().isEmpty()) {
      throw Failures.invalid("none of the recording's " + stream.packets().size() + " Opus packets could be decoded");
    }
    long playable = stream.playableSamples();
    if (playable >= 0 && out.length() - playable > 0 && out.length() - playable < MAX_FRAME) {
      // Only a padding-sized trim: a stream cut out of a longer one has granules that do not start at zero.
      out.truncate((int) playable);
    }
    return out;
  }
}
