package dev.candor.http.ws;

import dev.candor.http.Failures;
import dev.candor.session.InterviewSession;
import dev.candor.session.Sessions;
import dev.candor.store.AudioRepository;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audio the spoken dialects move: a candidate's recording is stored before its session hears of it (so a
 * transcription retried after a crash finds it), and the interviewer's lines are read back from the same store.
 * Store calls block, so they run on {@code blocking}, each bounded by {@code timeout}.
 */
public record Recordings(Sessions sessions, AudioRepository audio, Executor blocking, Duration timeout) {

  /**
   * Stores a recording, then submits it to the session as the answer to {@code questionId} (null: the current
   * question), once {@code subscription} (the connection's, made on its actor) has completed. A recording the session
   * refuses is deleted again.
   */
  public CompletionStage<InterviewSession.Reply> submit(String sessionId, String questionId, byte[] bytes, String format,
      CompletionStage<?> subscription) {
    String recordingId = "rec-" + UUID.randomUUID();
    return bounded(CompletableFuture.runAsync(() -> audio.save(recordingId, bytes, "audio/" + format), blocking))
        .thenCompose(stored -> subscription)
        .thenCompose(s -> sessions.record(sessionId, recordingId, questionId, format))
        .thenApply(reply -> {
          if (reply instanceof InterviewSession.Rejected) {
            CompletableFuture.runAsync(() -> audio.delete(recordingId), blocking);
          }
          return reply;
        });
  }

  /** An interviewer line's audio; empty when it is not in the store or the store did not answer. */
  public CompletionStage<Optional<AudioRepository.Audio>> load(String audioId) {
    return bounded(CompletableFuture.supplyAsync(() -> audio.load(audioId), blocking))
        .exceptionally(error -> Optional.empty());
  }

  private <T> CompletableFuture<T> bounded(CompletableFuture<T> work) {
    return work.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What went wrong, in words a client can be shown. */
  public static String describe(Throwable failure) {
    Throwable cause = Failures.cause(failure);
    return cause instanceof TimeoutException ? "the server did not answer in time"
        : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
