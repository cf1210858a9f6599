package dev.candor.ai.speech.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The embedded recogniser: Vosk with its small US English model, loaded once per process and kept for its
 * lifetime (see {@link EmbeddedEngines}). A recogniser holds a few tens of MB while it works, so at most
 * {@code maxConcurrent} run at a time and the rest wait.
 */
public final class VoskRecognizer {

  /** Where the build puts the model, inside the classes folder and so inside the jar. */
  static final String MODEL_RESOURCE = "vosk/model-en-us";
  private static final float SAMPLE_RATE = 16_000f;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int CHUNK = 8_000;

  private final Model model;
  private final Semaphore recognizers;
  private final long waitMillis;

  private VoskRecognizer(Model model, int maxConcurrent, long waitMillis) {
    this.model = model;
    this.recognizers = new Semaphore(maxConcurrent, true);
    this.waitMillis = waitMillis;
  }

  /**
   * @param modelDir a Vosk model folder; null for the model the build packed, which is used in place when the
   *     classes are a folder and unpacked once into {@code unpackDir} when they are a jar
   * @param waitMillis how long a transcription may wait for a free recogniser before it is refused
   */
  public static VoskRecognizer load(Path modelDir, Path unpackDir, int maxConcurrent, long waitMillis) throws IOException {
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    Path dir = modelDir != null ? modelDir : packedModel(unpackDir);
    if (!Files.isDirectory(dir.resolve("am"))) {
      throw new IOException("No Vosk model in " + dir + " (it needs an am/ folder)");
    }
    return new VoskRecognizer(new Model(dir.toString()), maxConcurrent, waitMillis);
  }

  private static Path packedModel(Path unpackDir) throws IOException {
    URL url = VoskRecognizer.class.getClassLoader().getResource(MODEL_RESOURCE + "/README");
    if (url == null) {
      throw new IOException("The Vosk model is not on the classpath (" + MODEL_RESOURCE + "); was the build's unpack step run?");
    }
    try {
      if (url.getProtocol().equals("file")) {
        return Path.of(url.toURI()).getParent();
      }
      Path jar = Path.of(VoskRecognizer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return unpack(jar, unpackDir);
    } catch (URISyntaxException e) {
      throw new IOException("Cannot locate the Vosk model at " + url, e);
    }
  }

  /**
   * Vosk reads its model from a real folder, so the jar's copy is written out once. Nodes started together
   * may race to do it: each writes a folder of its own and renames it into place, and a loser uses the winner's.
   */
  private static Path unpack(Path jar, Path unpackDir) throws IOException {
    Path complete = unpackDir.resolve(".complete");
    if (Files.exists(complete)) {
      return unpackDir;
    }
    Path parent = unpackDir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, unpackDir.getFileName() + ".partial-");
    try {
      copyModel(jar, staging);
      Files.writeString(staging.resolve(".complete"), "vosk-model-en 0.3.45\n");
      if (Files.exists(unpackDir) && !Files.exists(complete)) {
        // A folder without the marker is an unpacking that was cut short: nothing uses it.
        deleteTree(unpackDir);
      }
      try {
        Files.move(staging, unpackDir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException lost) {
        if (!Files.exists(complete)) {
          throw new IOException("Could not put the Vosk model in " + unpackDir, lost);
        }
      }
    } finally {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
    }
    return unpackDir;
  }

  private static void copyModel(Path jar, Path target) throws IOException {
    String prefix = MODEL_RESOURCE + "/";
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
          continue;
        }
        Path path = target.resolve(entry.getName().substring(prefix.length())).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("Refusing a model entry outside the model folder: " + entry.getName());
        }
        Files.createDirectories(path.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, path);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Recognises 16 kHz mono PCM. An empty result is an answer ("" text), not an error: the caller decides. */
  public Transcript recognize(short[] pcm16k) throws SpeechException {
    try {
      if (!recognizers.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
        throw new SpeechException(SpeechException.Kind.BUSY,
            "Every speech recogniser on this node is busy; try again in a moment");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "Interrupted while waiting for a recogniser", e);
    }
    try (Recognizer recognizer = new Recognizer(model, SAMPLE_RATE)) {
      recognizer.setWords(true);
      List<JsonNode> results = new ArrayList<>();
      for (int offset = 0; offset < pcm16k.length; offset += CHUNK) {
        int length = Math.min(CHUNK, pcm16k.length - offset);
        short[] chunk = new short[length];
        System.arraycopy(pcm16k, offset, chunk, 0, length);
        // true means Vosk closed an utterance at a pause; its words are only in getResult() now.
        if (recognizer.acceptWaveForm(chunk, length)) {
          results.add(MAPPER.readTree(recognizer.getResult()));
        }
      }
      results.add(MAPPER.readTree(recognizer.getFinalResult()));
      return transcript(results, pcm16k.length / (double) SAMPLE_RATE);
    } catch (IOException e) {
      throw new SpeechException(SpeechException.Kind.INVALID_RESPONSE, "The recogniser's result could not be read", e);
    } finally {
      recognizers.release();
    }
  }

  private static Transcript transcript(List<JsonNode> results, double seconds) {
    StringBuilder text = new StringBuilder();
    List<Transcript.TimedWord> words = new ArrayList<>();
    for (JsonNode result : results) {
      String part = result.path("text").asText("").strip();
      if (!part.isEmpty()) {
        text.append(text.length() == 0 ? "" : " ").append(part);
      }
      for (JsonNode word : result.path("result")) {
        words.add(new Transcript.TimedWord(word.path("word").asText(), word.path("start").asDouble(), word.path("end").asDouble()));
      }
    }
    return new Transcript(text.toString(), "en", seconds, words);
  }
}
