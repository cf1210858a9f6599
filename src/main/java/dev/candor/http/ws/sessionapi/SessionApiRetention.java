package dev.candor.http.ws.sessionapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.store.InterviewSetup;
import dev.candor.store.InterviewSetupRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.slf4j.Logger;
import scala.concurrent.ExecutionContextExecutor;
import org.slf4j.LoggerFactory;

/**
 * What seed 004's memory consent means: a session whose candidate did not consent keeps only its report, without the
 * candidate's words, once {@code retention} has passed since it was created. Every node runs the job; the purge itself
 * claims each session in one transaction, so two nodes never both purge one. A session still running is left for the
 * next round.
 */
public final class SessionApiRetention {

  private static final Logger LOG = LoggerFactory.getLogger(SessionApiRetention.class);
  private static final int BATCH = 100;

  /** @param retention how long a session without consent keeps its data; @param checkEvery how often the job runs */
  public record Settings(Duration retention, Duration checkEvery) {}

  private final Settings settings;
  private final InterviewSetupRepository setups;
  private final SessionApiSetups interviews;
  private final Sessions sessions;
  private final Duration askTimeout;
  private final Clock clock;

  public SessionApiRetention(Settings settings, InterviewSetupRepository setups, SessionApiSetups interviews, Sessions sessions,
      Duration askTimeout, Clock clock) {
    this.settings = settings;
    this.setups = setups;
    this.interviews = interviews;
    this.sessions = sessions;
    this.askTimeout = askTimeout;
    this.clock = clock;
  }

  /** Runs the job every {@code checkEvery} on {@code blocking}, for as long as the actor system lives. */
  public void schedule(ActorSystem<?> system, ExecutionContextExecutor blocking) {
    system.scheduler().scheduleWithFixedDelay(settings.checkEvery(), settings.checkEvery(), () -> {
      try {
        runOnce();
      } catch (RuntimeException e) {
        LOG.warn("The retention job failed; it runs again in {}", settings.checkEvery(), e);
      }
    }, blocking);
  }

  /** @return how many sessions this run purged */
  public int runOnce() {
    Instant cutoff = clock.instant().minus(settings.retention());
    int purged = 0;
    // Page by page past the sessions left for the next round (still running, or not answering), so they never hold
    // back the ones after them.
    InterviewSetupRepository.Due after = null;
    List<InterviewSetupRepository.Due> page;
    do {
      page = setups.dueForPurge(cutoff, after, BATCH);
      for (InterviewSetupRepository.Due due : page) {
        try {
          purged += purge(due.sessionId()) ? 1 : 0;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
          LOG.info("Session {} is not purged this round: {}", due.sessionId(), e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return purged;
        }
        after = due;
      }
    } while (page.size() == BATCH);
    return purged;
  }

  private boolean purge(String id) throws ExecutionException, TimeoutException, InterruptedException {
    Optional<InterviewSetup> setup = setups.find(id);
    if (setup.isEmpty() || setup.get().purged()) {
      return false;
    }
    SessionView view = sessions.status(id).toCompletableFuture().get(askTimeout.toMillis(), TimeUnit.MILLISECONDS);
    InterviewSession.Status status = view.status();
    if (status == InterviewSession.Status.PLANNING || status == InterviewSession.Status.IN_PROGRESS
        || status == InterviewSession.Status.FINISHING) {
      return false;
    }
    InterviewSession.Answers answers = sessions.answers(id).toCompletableFuture().get(askTimeout.toMillis(), TimeUnit.MILLISECONDS);
    ObjectNode report = SessionApiReports.report(view, answers, interviews.fit(setup.get()), clock.instant(), false);
    if (status == InterviewSession.Status.NEW) {
      // Set up and never begun: it can no longer begin, its resume gone.
      report.put("status", "expired");
    }
    String kept = Json.write(report);
    // A spoken answer is kept under its answer's id (seed 004 takes typed answers; a recording would go with them).
    List<String> recordings = answers.answers().values().stream().map(InterviewSession.RecordedAnswer::answerId).toList();
    boolean done = setups.purge(id, kept, PersistenceId.of(InterviewSession.TYPE_KEY.name(), id).id(), view.lastSeq(),
        recordings);
    if (done) {
      // The entity in memory still holds the answers; stopped, it comes back from the emptied journal.
      sessions.stop(id);
      LOG.info("Session {} reached the end of its retention period without consent: only its report is kept", id);
    }
    return done;
  }
}
