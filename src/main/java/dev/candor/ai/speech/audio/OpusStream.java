package dev.candor.ai.speech.audio;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Opus packets taken out of a container, with what the decoder needs from the container's header.
 *
 * @param channels coded channels (1 or 2); decoding downmixes either way
 * @param preSkip samples at 48 kHz the encoder's look-ahead put in front of the audio
 * @param gainQ8 output gain in dB, Q7.8, as OpusHead and dOps carry it
 * @param playableSamples samples at 48 kHz after the pre-skip, when the container says (Ogg's last granule); -1 if not
 * @param truncated the container ended in the middle of a structure
 */
record OpusStream(
    int channels, int preSkip, int gainQ8, List<byte[]> packets, long playableSamples, boolean truncated) {

  static final int RATE = 48_000;

  /** Reads OpusHead (little-endian, from Ogg or WebM CodecPrivate); null if the bytes are not one. */
  static Header opusHead(byte[] b) {
    if (b == null || b.length < 19 || !"OpusHead".equals(new String(b, 0, 8, StandardCharsets.US_ASCII))) {
      return null;
    }
    int channels = b[9] & 0xFF;
    int preSkip = (b[10] & 0xFF) | (b[11] & 0xFF) << 8;
    int gain = (short) ((b[16] & 0xFF) | (b[17] & 0xFF) << 8);
    return new Header(channels, preSkip, gain, b[18] & 0xFF);
  }

  /** What OpusHead (Ogg, WebM) and dOps (MP4) both say. */
  record Header(int channels, int preSkip, int gainQ8, int mappingFamily) {}
}
