package dev.candor.ai.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well an answer addresses its question and the job, judged by a small sentence-embedding model that
 * runs in-process (all-MiniLM-L6-v2, ONNX; no network). Words the question and answer share matter less
 * than what they are about, which is what the keyword count in the rule-based score cannot see.
 */
public final class AnswerRelevance {

  /**
   * Where the scale starts and ends, in cosine similarity. Measured here on four interview questions, each
   * with an on-topic answer and a fluent answer to something else: on-topic 0.23-0.54, off-topic -0.03-0.13.
   */
  static final double OFF_TOPIC = 0.10;
  static final double ON_TOPIC = 0.35;

  private static AnswerRelevance shared;

  /** Questions and requirements come back for every answer of an interview; their vectors are kept. */
  private static final int CACHED_TEXTS = 4_096;

  private final EmbeddingModel model;
  private final Map<String, Embedding> cache = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
      return size() > CACHED_TEXTS;
    }
  };

  AnswerRelevance(EmbeddingModel model) {
    this.model = model;
  }

  /** One model per JVM, loaded on first use (about a second, about 100 MB). */
  public static synchronized AnswerRelevance shared() {
    if (shared == null) {
      shared = new AnswerRelevance(new AllMiniLmL6V2EmbeddingModel());
    }
    return shared;
  }

  private Embedding cached(String text) {
    synchronized (cache) {
      Embedding known = cache.get(text);
      if (known != null) {
        return known;
      }
    }
    Embedding computed = model.embed(text).content();
    synchronized (cache) {
      cache.put(text, computed);
    }
    return computed;
  }

  /**
   * 0-100: mostly how close the answer is to the question, partly how close it comes to the nearest of the
   * job's requirements (when the job lists any).
   */
  public int score(String question, String answer, List<String> requirements) {
    Embedding answerVector = model.embed(answer).content();
    double toQuestion = CosineSimilarity.between(cached(question), answerVector);
    double toJob = requirements.isEmpty() ? toQuestion : requirements.stream().limit(20)
        .mapToDouble(r -> CosineSimilarity.between(cached(r), answerVector)).max().orElse(toQuestion);
    double similarity = 0.75 * toQuestion + 0.25 * toJob;
    double scaled = (similarity - OFF_TOPIC) / (ON_TOPIC - OFF_TOPIC);
    return (int) Math.round(100 * Math.max(0, Math.min(1, scaled)));
  }
}
