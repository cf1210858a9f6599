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
      // Times are the clip's own, whatever the (kept) recogniser heard before it.
      assertTrue(heard.words().get(0).startSeconds() < 1.5, "first word: " + heard.words().get(0));
      assertTrue(heard.words().get(heard.words().size() - 1).endSeconds() <= speech.seconds(), "last word: " + heard.words());
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
  void aLongAnswerIsHeardInTwoHalvesAtOnceAsWellAsWhole() throws Exception {
    String said = String.join(" ", ANSWERS) + " When the database failed at night I restored it from the backup and wrote "
        + "a report for the whole company the next morning. In my last role I led a team of five engineers to migrate "
        + "our billing system to a new platform, which cut deployment time by sixty percent.";
    short[] speech = to16k(mary.speak(said, false));
    assertTrue(speech.length >= 22 * 16_000, "long enough to be split: " + speech.length / 16_000.0 + " s");
    VoskRecognizer oneAtATime = VoskRecognizer.load(null, Files.createTempDirectory("vosk-one"), 1, 60_000);
    Transcript whole = oneAtATime.recognize(speech);
    Transcript halves = vosk.recognize(speech);
    assertTrue(WordErrorRate.of(whole.text(), halves.text()) <= 0.1, "whole: " + whole.text() + "\nhalves: " + halves.text());
    assertTrue(WordErrorRate.of(said, halves.text()) <= 0.35, halves.text());
    List<Transcript.TimedWord> words = halves.words();
    for (int i = 1; i < words.size(); i++) {
      assertTrue(words.get(i).startSeconds() >= words.get(i - 1).startSeconds(), "in order: " + words.get(i - 1) + ", " + words.get(i));
    }
    assertTrue(words.get(words.size() - 1).endSeconds() > speech.length / 16_000.0 - 3, "the second half keeps its place in time");
    Transcript again = vosk.recognize(speech);
    assertEquals(halves.text(), again.text(), "a recogniser used before hears the same words");
    for (int i = 0; i < words.size(); i++) {
      assertEquals(words.get(i).startSeconds(), again.words().get(i).startSeconds(), 0.01, "at the same times");
    }
  }

  @Test
  void aLongClipIsCutInAPauseNearItsMiddleOrNotAtAll() {
    short[] sound = new short[40 * 16_000];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < sound.length; i++) {
      sound[i] = (short) (random.nextGaussian() * 4000);
    }
    assertEquals(-1, VoskRecognizer.pauseNearMiddle(sound), "no pause: heard whole");
    silence(sound, 10.0, 0.6); // longer, but too far from the middle
    silence(sound, 22.0, 0.4);
    double cut = VoskRecognizer.pauseNearMiddle(sound) / 16_000.0;
    assertTrue(cut > 22.0 && cut < 22.4, "cut at " + cut + " s");
  }

  private static void silence(short[] sound, double fromSeconds, double seconds) {
    java.util.Arrays.fill(sound, (int) (fromSeconds * 16_000), (int) ((fromSeconds + seconds) * 16_000), (short) 0);
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
