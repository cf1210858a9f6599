import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.Transcript;
import dev.candor.ai.speech.audio.AudioDecoder;
import dev.candor.ai.speech.audio.Pcm;
import dev.candor.ai.speech.embedded.EmbeddedEngines;
import dev.candor.ai.speech.embedded.EmbeddedTextToSpeech;
import dev.candor.ai.speech.embedded.MarySpeaker;
import dev.candor.ai.speech.embedded.VoskRecognizer;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.audio.BrowserRecording;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded speech engines in one JVM: MaryTTS seconds per interviewer line, the WebM/Opus decode time per
 * minute of audio, Vosk's real-time factor and word error rate on MaryTTS answers recorded as browser WebM,
 * and the process's memory with every engine loaded. Run by bench/speech.sh.
 */
public class SpeechBench {

  static final List<String> LINES = List.of(
      "Hello! I'm excited to meet you today. Thank you for joining this practice interview. I will ask you eight questions.",
      "Tell me about a project where you had to learn a new technology quickly.",
      "Thank you. Describe a time you disagreed with a teammate and how you resolved it.",
      "Good example. How would you design a service that sends a million notifications a day?",
      "Thank you, that was my last question. I am putting your feedback together now.");
  /** Spoken answers, one per line; kept free of rare proper nouns, which no small recogniser knows. */
  static final List<String> ANSWERS = readAnswers();

  static List<String> readAnswers() {
    try {
      return Files.readAllLines(java.nio.file.Path.of("bench/answers.txt")).stream().filter(l -> !l.isBlank()).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    System.out.printf("java %s, %d cores%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    long t0 = System.nanoTime();
    MarySpeaker mary = EmbeddedEngines.mary();
    double maryLoad = seconds(t0);
    t0 = System.nanoTime();
    VoskRecognizer vosk = EmbeddedEngines.vosk(new EmbeddedEngines.VoskSettings(null,
        Files.createTempDirectory("vosk"), 2, 60_000));
    double voskLoad = seconds(t0);
    System.out.printf("load: MaryTTS %.2f s, Vosk model %.2f s%n", maryLoad, voskLoad);

    EmbeddedTextToSpeech tts = new EmbeddedTextToSpeech(mary::speak);
    List<Double> ttsFirst = new ArrayList<>();
    double spokenSeconds = 0;
    for (String line : LINES) {
      t0 = System.nanoTime();
      tts.synthesize(line, "female");
      ttsFirst.add(seconds(t0));
      spokenSeconds += mary.speak(line, false).seconds();
    }
    System.out.printf("TTS (MaryTTS + MP3), %d interviewer lines, %.1f s of speech: first line %.2f s, then median %.2f s, max %.2f s per line%n",
        LINES.size(), spokenSeconds, ttsFirst.get(0), median(ttsFirst.subList(1, ttsFirst.size())),
        ttsFirst.stream().mapToDouble(d -> d).max().orElse(0));

    AudioDecoder decoder = new AudioDecoder(new AudioDecoder.Limits(50_000_000, 600));
    int errors = 0;
    int words = 0;
    double audioSeconds = 0;
    double decodeSeconds = 0;
    double recogniseSeconds = 0;
    for (int round = 0; round < 3; round++) {
      for (String answer : ANSWERS) {
        MarySpeaker.Speech speech = mary.speak(answer, false);
        byte[] webm = BrowserRecording.webm(speech.samples());
        t0 = System.nanoTime();
        Pcm pcm = decoder.decode(new AudioClip(webm, "webm"));
        double decode = seconds(t0);
        t0 = System.nanoTime();
        Transcript heard = vosk.recognize(pcm.samples());
        double recognise = seconds(t0);
        if (round == 0) {
          // the first round warms the JIT; its figures are printed but not counted
          System.out.printf("  warm-up: %.1f s of audio, decode %.3f s, recognise %.2f s: \"%s\"%n", pcm.seconds(), decode,
              recognise, heard.text());
          continue;
        }
        audioSeconds += pcm.seconds();
        decodeSeconds += decode;
        recogniseSeconds += recognise;
        int n = answer.split("\\s+").length;
        words += n;
        errors += (int) Math.round(WordErrorRate.of(answer, heard.text()) * n);
        if (round == 1) {
          System.out.printf("  WER %.3f  %s%n", WordErrorRate.of(answer, heard.text()), heard.text());
        }
      }
    }
    System.out.printf("STT over %.1f s of browser WebM/Opus (rounds 2-3): decode %.3f s per minute of audio; Vosk real-time factor %.3f; WER %.3f (%d/%d words)%n",
        audioSeconds, decodeSeconds / audioSeconds * 60, recogniseSeconds / audioSeconds, errors / (double) words, errors, words);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("memory with MaryTTS and Vosk loaded: resident %s, Java heap used %d MB%n", residentSize(),
        (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  static String residentSize() throws Exception {
    for (String line : Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
      }
    }
    return "unknown";
  }

  static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
