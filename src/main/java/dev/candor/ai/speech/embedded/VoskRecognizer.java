package dev.candor.ai.speech.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * lifetime (see {@link EmbeddedEngines}). A recogniser holds a few tens of MB, so at most {@code maxConcurrent}
 * run at a time and the rest wait.
 *
 * <p>Recognisers are kept and reused. The small model composes its graph on the fly and a recogniser caches the
 * composed states it has visited: a new one spends most of its first seconds of speech building that cache
 * (8.9 s of speech took 1.4 s in a new recogniser and 0.3 s in a used one, with the same words heard). The cache
 * holds only the graph, nothing of the speaker: each clip starts a new utterance with a new feature pipeline.
 */
public final class VoskRecognizer {

  /** Where the build puts the model, inside the classes folder and so inside the jar. */
  static final String MODEL_RESOURCE = "vosk/model-en-us";
  private static final float SAMPLE_RATE = 16_000f;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int CHUNK = 8_000;
  /** Clips this long or longer are heard in two halves at once when they can be. */
  private static final int SPLIT_SAMPLES = 20 * (int) SAMPLE_RATE;
  private static final int CUT_WINDOW_MS = 300;
  private static final int CUT_SEARCH_SECONDS = 5;
  /** A stretch with less than this share of the clip's mean energy is a pause. */
  private static final double PAUSE_SHARE = 0.1;

  private final Model model;
  private final int maxConcurrent;
  private final Semaphore recognizers;
  /** Recognisers not in use, their graph caches warm; never more than maxConcurrent exist. */
  private final BlockingQueue<KeptRecognizer> idle;
  private final long waitMillis;
  /** Threads for second halves and warming; never more busy than there are recognisers. */
  private final ExecutorService halves = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "vosk-helper");
    thread.setDaemon(true);
    return thread;
  });

  private VoskRecognizer(Model model, int maxConcurrent, long waitMillis) {
    this.model = model;
    this.maxConcurrent = maxConcurrent;
    this.recognizers = new Semaphore(maxConcurrent, true);
    this.idle = new ArrayBlockingQueue<>(maxConcurrent);
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

  /**
   * Hears {@code speech} (16 kHz mono) in every recogniser this node may run at once, all at the same time, so the
   * first answers after a start find their caches warm.
   */
  public void warmUp(short[] speech) throws SpeechException {
    List<CompletableFuture<Void>> warming = new ArrayList<>();
    for (int i = 0; i < maxConcurrent && recognizers.tryAcquire(); i++) {
      warming.add(CompletableFuture.runAsync(() -> {
        try {
          hearPooled(speech, 0);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          recognizers.release();
        }
      }, halves));
    }
    try {
      CompletableFuture.allOf(warming.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw new SpeechException(SpeechException.Kind.INVALID_RESPONSE, "The recogniser could not warm up", e.getCause());
    }
  }

  /**
   * Recognises 16 kHz mono PCM. An empty result is an answer ("" text), not an error: the caller decides. A long
   * clip is heard in two halves at once, cut in a pause near the middle, when a second recogniser is free:
   * recognition is most of a spoken turn, and one recogniser uses one core.
   */
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
    double seconds = pcm16k.length / (double) SAMPLE_RATE;
    try {
      int cut = pcm16k.length >= SPLIT_SAMPLES ? pauseNearMiddle(pcm16k) : -1;
      if (cut > 0 && recognizers.tryAcquire()) {
        return inHalves(pcm16k, cut, seconds);
      }
      return transcript(List.of(hearPooled(pcm16k, 0)), seconds);
    } catch (IOException | UncheckedIOException e) {
      throw new SpeechException(SpeechException.Kind.INVALID_RESPONSE, "The recogniser's result could not be read", e);
    } finally {
      recognizers.release();
    }
  }

  /** The second half goes to another thread, which holds (and gives back) the second recogniser's permit. */
  private Transcript inHalves(short[] pcm16k, int cut, double seconds) throws IOException {
    CompletableFuture<Heard> second = CompletableFuture.supplyAsync(() -> {
      try {
        return hearPooled(Arrays.copyOfRange(pcm16k, cut, pcm16k.length), cut / (double) SAMPLE_RATE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        recognizers.release();
      }
    }, halves);
    Heard first = hearPooled(Arrays.copyOf(pcm16k, cut), 0);
    try {
      return transcript(List.of(first, second.join()), seconds);
    } catch (CompletionException e) {
      throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause());
    }
  }

  /**
   * Where to cut a clip in two: the middle of its quietest {@value #CUT_WINDOW_MS} ms within a fifth of its length
   * (at most {@value #CUT_SEARCH_SECONDS} s) of its middle, so the cut falls in a pause between words; -1 when that
   * stretch is not a pause (louder than a tenth of the clip's mean energy), and the clip is heard whole.
   */
  static int pauseNearMiddle(short[] pcm) {
    int frame = (int) SAMPLE_RATE / 100;
    int window = CUT_WINDOW_MS / 10;
    int frames = pcm.length / frame;
    int reach = Math.min(CUT_SEARCH_SECONDS * 100, frames / 5);
    int from = Math.max(0, frames / 2 - reach);
    int to = Math.min(frames - window, frames / 2 + reach);
    if (to < from) {
      return -1;
    }
    double[] energy = new double[frames];
    double total = 0;
    for (int f = 0; f < frames; f++) {
      for (int i = f * frame; i < (f + 1) * frame; i++) {
        energy[f] += (double) pcm[i] * pcm[i];
      }
      total += energy[f];
    }
    int best = -1;
    double least = Double.MAX_VALUE;
    for (int f = from; f <= to; f++) {
      double sum = 0;
      for (int w = 0; w < window; w++) {
        sum += energy[f + w];
      }
      if (sum < least) {
        least = sum;
        best = f + window / 2;
      }
    }
    return least <= PAUSE_SHARE * window * total / frames ? best * frame : -1;
  }

  /**
   * A recogniser kept between clips. Vosk times words from the first sample a recogniser ever heard, so each clip's
   * times are taken back by the audio it heard before; after an hour of audio it is replaced, so those times never
   * grow large enough to lose precision.
   */
  private static final class KeptRecognizer {
    private static final long RETIRE_AFTER_SAMPLES = 3_600L * (long) SAMPLE_RATE;

    final Recognizer recognizer;
    long samplesHeard;

    KeptRecognizer(Recognizer recognizer) {
      this.recognizer = recognizer;
    }

    boolean retired() {
      return samplesHeard >= RETIRE_AFTER_SAMPLES;
    }
  }

  /**
   * Hears a clip with an idle recogniser (or a new one), and keeps the recogniser for the next clip if it is sound.
   *
   * @param offsetSeconds where the clip starts in the answer it is part of
   */
  private Heard hearPooled(short[] pcm16k, double offsetSeconds) throws IOException {
    KeptRecognizer kept = idle.poll();
    boolean reusable = false;
    try {
      if (kept == null) {
        kept = new KeptRecognizer(newRecognizer());
      }
      double heardBefore = kept.samplesHeard / (double) SAMPLE_RATE;
      List<JsonNode> results = hear(kept.recognizer, pcm16k);
      kept.samplesHeard += pcm16k.length;
      reusable = !kept.retired();
      return new Heard(results, offsetSeconds - heardBefore);
    } finally {
      if (reusable) {
        idle.offer(kept);
      } else if (kept != null) {
        kept.recognizer.close();
      }
    }
  }

  private Recognizer newRecognizer() throws IOException {
    Recognizer recognizer = new Recognizer(model, SAMPLE_RATE);
    recognizer.setWords(true);
    return recognizer;
  }

  private static List<JsonNode> hear(Recognizer recognizer, short[] pcm16k) throws IOException {
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
    return results;
  }

  /** Vosk's results for a stretch of a clip, and what to add to the times in them to place them in the clip. */
  private record Heard(List<JsonNode> results, double offsetSeconds) {}

  private static Transcript transcript(List<Heard> parts, double seconds) {
    StringBuilder text = new StringBuilder();
    List<Transcript.TimedWord> words = new ArrayList<>();
    for (Heard part : parts) {
      for (JsonNode result : part.results()) {
        String said = result.path("text").asText("").strip();
        if (!said.isEmpty()) {
          text.append(text.length() == 0 ? "" : " ").append(said);
        }
        for (JsonNode word : result.path("result")) {
          words.add(new Transcript.TimedWord(word.path("word").asText(), part.offsetSeconds() + word.path("start").asDouble(),
              part.offsetSeconds() + word.path("end").asDouble()));
        }
      }
    }
    return new Transcript(text.toString(), "en", seconds, words);
  }
}
