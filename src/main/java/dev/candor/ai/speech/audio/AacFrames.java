package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sourceforge.jaad.aac.Decoder;

/** Decodes raw AAC frames (as MP4 stores them) with javasound-aac's JAAD decoder, downmixed to mono. */
final class AacFrames {

  /**
   * JAAD logs every damaged frame at WARNING with a stack trace, so one hostile upload could write thousands; the
   * frame is skipped and counted here instead. Held in a field because java.util.logging keeps loggers weakly.
   */
  private static final Logger JAAD_LOG = Logger.getLogger("jaad.aac.Decoder");

  static {
    try {
      // The decoder's own static initialiser sets the level, so it must run first.
      Class.forName(Decoder.class.getName(), true, AacFrames.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
    JAAD_LOG.setLevel(Level.SEVERE);
  }

  private AacFrames() {}

  static MonoBuffer decode(byte[] audioSpecificConfig, List<byte[]> frames, double maxSeconds)
      throws SpeechException {
    Decoder decoder;
    try {
      decoder = Decoder.create(audioSpecificConfig);
    } catch (Exception e) {
      throw Failures.unsupported("this AAC configuration is not supported: " + e.getMessage());
    }
    MonoBuffer[] out = {null};
    int decoded = 0;
    for (byte[] frame : frames) {
      try {
        // JAAD hands over one float array per channel on a ±32768 scale, at the output rate (doubled by SBR).
        decoder.decodeFrame(frame, (channels, length, rate) -> {
          if (out[0] == null) {
            out[0] = new MonoBuffer(rate, maxSeconds);
          }
          int n = channels.size();
          for (int i = 0; i < length; i++) {
            float sum = 0;
            for (float[] channel : channels) {
              sum += channel[i];
            }
            out[0].add(sum / (n * 32768f));
          }
        });
        decoded++;
      } catch (RuntimeException e) {
        // A damaged frame costs its 21 ms, not the recording.
        continue;
      }
      if (out[0] != null && out[0].overflowed()) {
        throw Failures.tooLarge("the recording is longer than " + maxSeconds + " s");
      }
    }
    if (decoded == 0 && !frames.isEmpty()) {
      throw Failures.invalid("none of the recording's " + frames.size() + " AAC frames could be decoded");
    }
    return out[0] != null ? out[0] : new MonoBuffer(48_000, maxSeconds);
  }
}
