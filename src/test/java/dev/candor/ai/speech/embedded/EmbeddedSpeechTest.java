package dev.candor.ai.speech.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.audio.AudioDecoder;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.Transcript;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.audio.BrowserRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MaryTTS speaks, Vosk listens: the embedded engines on their own, before any codec or WebSocket. */
class EmbeddedSpeechTest {

  private static final List<String> ANSWERS = List.of(
      "My greatest strength is that I communicate clearly with customers and I always write tests before I change production code.",
      "I handled the conflict by meeting with both developers separately and then agreeing on clear ownership of the payment service.");

  private static MarySpeaker mary;
  private static VoskRecognizer vosk;

  @BeforeAll
  static void load() throws Exception {
    mary = EmbeddedEngines.mary();
    vosk = EmbeddedEngines.vosk(new EmbeddedEngines.VoskSettings(null, Files.createTempDirectory("vosk"), 2, 60_000));
  }

  @Test
  void whatMarySaysVoskHears() throws Exception {
    for (String answer : ANSWERS) {
      MarySpeaker.Speech speech = mary.speak(answer, false);
      Transcript heard = vosk.recognize(to16k(speech));
      double wer = WordErrorRate.of(answer, heard.text());
      assertTrue(wer <= 0.35, "WER " + wer + ": " + heard.text());
      assertTrue(heard.words().size() >= 10, "word timings: " + heard.words());
      assertTrue(Math.abs(heard.durationSeconds() - speech.seconds()) < 0.1);
    }
  }

  @Test
  void theMaleVoiceIsLowerAndStillUnderstood() throws Exception {
    String answer = ANSWERS.get(0);
    MarySpeaker.Speech female = mary.speak(answer, false);
    MarySpeaker.Speech male = mary.speak(answer, true);
    Transcript heard = vosk.recognize(to16k(male));
    double wer = WordErrorRate.of(answer, heard.text());
    assertTrue(wer <= 0.35, "WER " + wer + ": " + heard.text());
    double femalePitch = medianPitch(female);
    double malePitch = medianPitch(male);
    assertTrue(malePitch < 0.75 * femalePitch, "pitch: female " + femalePitch + " Hz, male " + malePitch + " Hz");
  }

  /** Mary's 48 kHz speech through the production decoder (as a WAV file), to the recogniser's 16 kHz. */
  private static short[] to16k(MarySpeaker.Speech speech) throws Exception {
    byte[] wav = BrowserRecording.wav(speech.samples(), speech.sampleRate(), 1);
    return new AudioDecoder(new AudioDecoder.Limits(50_000_000, 300)).decode(new AudioClip(wav, "wav")).samples();
  }

  /** Median fundamental frequency over loud 40 ms frames, by autocorrelation within 70-400 Hz. */
  private static double medianPitch(MarySpeaker.Speech speech) {
    int rate = speech.sampleRate();
    short[] s = speech.samples();
    int frame = rate / 25;
    java.util.List<Double> pitches = new java.util.ArrayList<>();
    for (int start = 0; start + frame + rate / 70 < s.length; start += frame) {
      double energy = 0;
      for (int i = start; i < start + frame; i++) {
        energy += (double) s[i] * s[i];
      }
      if (Math.sqrt(energy / frame) < 1000) {
        continue;
      }
      int bestLag = 0;
      double best = 0;
      for (int lag = rate / 400; lag <= rate / 70; lag++) {
        double c = 0;
        for (int i = start; i < start + frame; i++) {
          c += (double) s[i] * s[i + lag];
        }
        if (c / energy > best) {
          best = c / energy;
          bestLag = lag;
        }
      }
      if (best > 0.5) {
        pitches.add(rate / (double) bestLag);
      }
    }
    java.util.Collections.sort(pitches);
    return pitches.get(pitches.size() / 2);
  }

  @Test
  void silenceIsHeardAsNothing() throws Exception {
    assertEquals("", vosk.recognize(new short[16_000 * 2]).text());
  }

  @Test
  void theEmbeddedVoiceSpeaksMp3AndRefusesUnknownVoices() throws Exception {
    EmbeddedTextToSpeech tts = new EmbeddedTextToSpeech(mary::speak);
    SpeechAudio audio = tts.synthesize("Tell me about a project you are proud of.", "female");
    assertEquals("audio/mpeg", audio.contentType());
    // An MP3 frame starts with 11 set sync bits (jump3r writes no ID3 tag).
    assertEquals(0xFF, audio.bytes()[0] & 0xFF);
    assertEquals(0xE0, audio.bytes()[1] & 0xE0);
    assertTrue(audio.bytes().length > 5_000, "bytes: " + audio.bytes().length);
    SpeechException e = assertThrows(SpeechException.class, () -> tts.synthesize("Hello", "baritone"));
    assertEquals(SpeechException.Kind.PROVIDER_REJECTED, e.kind());
    assertThrows(SpeechException.class, () -> tts.synthesize(" ", "female"));
  }
}
