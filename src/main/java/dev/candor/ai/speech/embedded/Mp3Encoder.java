package dev.candor.ai.speech.embedded;

import de.sciss.jump3r.lowlevel.LameEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;

/** Mono speech to MP3, the format every seed plays. 64 kb/s is plenty for one voice. */
final class Mp3Encoder {

  private static final int BITRATE_KBPS = 64;

  private Mp3Encoder() {}

  static byte[] encode(short[] samples, int sampleRate) {
    AudioFormat source = new AudioFormat(sampleRate, 16, 1, true, false);
    LameEncoder encoder = new LameEncoder(source, BITRATE_KBPS, LameEncoder.CHANNEL_MODE_MONO, LameEncoder.QUALITY_MIDDLE, false);
    try {
      byte[] pcm = new byte[samples.length * 2];
      ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(samples);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length / 8);
      byte[] mp3 = new byte[encoder.getMP3BufferSize()];
      int chunk = encoder.getPCMBufferSize();
      for (int offset = 0; offset < pcm.length; offset += chunk) {
        int n = encoder.encodeBuffer(pcm, offset, Math.min(chunk, pcm.length - offset), mp3);
        out.write(mp3, 0, n);
      }
      out.write(mp3, 0, encoder.encodeFinish(mp3));
      return out.toByteArray();
    } finally {
      encoder.close();
    }
  }
}
