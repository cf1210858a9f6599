package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.SpeechException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import marytts.LocalMaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;

/**
 * The embedded voice: MaryTTS with cmu-slt-hsmm, the one English voice of Mary's on Maven Central. Start-up
 * takes seconds, so a process makes one. Mary is not known to be thread-safe: a node reaches it through the
 * {@link MaryVoice} actor, and the methods are synchronized for the tools and tests that call it directly.
 */
public final class MarySpeaker {

  /** Mary's only voice here is female; the seeds' "male" lowers her mean pitch by 70 Hz and lengthens her vocal tract. */
  private static final String MALE_EFFECTS = "F0Add(f0Add:-70.0;)+TractScaler(amount:1.2;)";
  public static final String VOICE = "cmu-slt-hsmm";

  /** Mono 16-bit PCM at {@code sampleRate}. */
  public record Speech(short[] samples, int sampleRate) {

    public double seconds() {
      return samples.length / (double) sampleRate;
    }
  }

  private final LocalMaryInterface mary;

  public MarySpeaker() throws SpeechException {
    try {
      mary = new LocalMaryInterface();
      mary.setVoice(VOICE);
    } catch (MaryConfigurationException | RuntimeException e) {
      throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "MaryTTS could not start: " + e.getMessage(), e);
    }
  }

  /** @param male whether to speak in the lowered "male" variant of the voice */
  public synchronized Speech speak(String text, boolean male) throws SpeechException {
    if (text == null || text.isBlank()) {
      throw new SpeechException(SpeechException.Kind.PROVIDER_REJECTED, "There is no text to speak");
    }
    mary.setAudioEffects(male ? MALE_EFFECTS : "");
    try (AudioInputStream audio = mary.generateAudio(text)) {
      AudioFormat format = audio.getFormat();
      if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
        throw new SpeechException(SpeechException.Kind.INVALID_RESPONSE, "MaryTTS produced " + format + ", not 16-bit mono");
      }
      return new Speech(samples(readAll(audio), format.isBigEndian()), Math.round(format.getSampleRate()));
    } catch (SynthesisException | IOException | RuntimeException e) {
      throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "MaryTTS could not speak the text: " + e.getMessage(), e);
    }
  }

  /** Mary's stream can return 0 from read() before its end, so readAllBytes() stops early: read until -1. */
  private static byte[] readAll(AudioInputStream audio) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16_384];
    for (int n = audio.read(buffer); n != -1; n = audio.read(buffer)) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static short[] samples(byte[] bytes, boolean bigEndian) {
    short[] samples = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return samples;
  }
}
