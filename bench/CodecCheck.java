import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.audio.AudioDecoder;
import dev.candor.ai.speech.audio.Pcm;
import dev.candor.ai.speech.embedded.EmbeddedEngines;
import dev.candor.ai.speech.embedded.MarySpeaker;
import dev.candor.ai.speech.embedded.VoskRecognizer;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.audio.BrowserRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The decoder on files made by ffmpeg (libopus and the native AAC encoder), the way browsers other than the
 * tests' own encoder make them: MaryTTS answers → WAV → ffmpeg → Candor's decoder → Vosk, WER per format.
 * Usage (from bench/codecs.sh): java CodecCheck.java prepare DIR | measure DIR EXT...
 */
public class CodecCheck {

  static final List<String> ANSWERS = readAnswers();

  static List<String> readAnswers() {
    try {
      return Files.readAllLines(Path.of("bench/answers.txt")).stream().filter(l -> !l.isBlank()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("prepare")) {
      MarySpeaker mary = EmbeddedEngines.mary();
      for (int i = 0; i < ANSWERS.size(); i++) {
        MarySpeaker.Speech speech = mary.speak(ANSWERS.get(i), false);
        Files.write(dir.resolve("a" + i + ".wav"), BrowserRecording.wav(speech.samples(), speech.sampleRate(), 1));
      }
      return;
    }
    VoskRecognizer vosk = EmbeddedEngines.vosk(new EmbeddedEngines.VoskSettings(null, Files.createTempDirectory("vosk"), 1, 60_000));
    AudioDecoder decoder = new AudioDecoder(new AudioDecoder.Limits(50_000_000, 600));
    for (int f = 2; f < args.length; f++) {
      String ext = args[f];
      int errors = 0;
      int words = 0;
      StringBuilder seconds = new StringBuilder();
      for (int i = 0; i < ANSWERS.size(); i++) {
        Pcm pcm = decoder.decode(new AudioClip(Files.readAllBytes(dir.resolve("a" + i + "." + ext)), ext));
        String heard = vosk.recognize(pcm.samples()).text();
        int n = ANSWERS.get(i).split("\\s+").length;
        words += n;
        errors += (int) Math.round(WordErrorRate.of(ANSWERS.get(i), heard) * n);
        seconds.append(String.format(" %.2f", pcm.seconds()));
      }
      System.out.printf("%-8s WER %.3f (%d/%d words); decoded seconds:%s%n", ext, errors / (double) words, errors, words, seconds);
    }
  }
}
