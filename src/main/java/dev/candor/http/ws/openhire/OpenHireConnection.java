package dev.candor.http.ws.openhire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.BadRequest;
import dev.candor.http.Failures;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.ws.SessionSocket;
import dev.candor.http.ws.SocketMessage;
import dev.candor.interview.InterviewPhase;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Question;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionProblem;
import dev.candor.session.SessionUpdate;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.store.CandidateRecord;
import dev.candor.store.CandidateRepository;
import dev.candor.store.JobRecord;
import dev.candor.store.JobRepository;
import dev.candor.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One OpenHire (seed 002) WebSocket: translates its {type, data} messages into session commands and the
 * session's updates back into its messages. It keeps only connection facts (has it subscribed, has it
 * announced the start); the interview itself lives in the session, so any node can serve a reconnect.
 */
public final class OpenHireConnection extends SessionSocket {

  /** What the connection needs from the node. */
  public record Dependencies(Sessions sessions, JobRepository jobs, CandidateRepository candidates,
      double defaultMaxDurationMinutes, Executor blocking, Duration lookupTimeout, Duration resubscribeInterval,
      Clock clock) {}

  private static final int MAX_ANSWER_ID = 128;

  private final Dependencies deps;
  /**
   * The questions this socket has shown (null: none, or the end), each with the number of the message that showed
   * it, oldest first; the last is on the client's screen now. An answer is for the one shown last before the client
   * sent it, which is not the one on screen when the client sent it before a reply showed the next.
   */
  private final List<Shown> shown = new ArrayList<>();

  private record Shown(long messageNumber, String questionId) {}
  private boolean startAnnounced;
  /**
   * The last answer this client was told may not have been taken, and the question it was meant for. A client
   * sends no answer id, so the same words again are that answer resent: they go to that question (and are
   * recognised if it was taken), not to whatever question the interview has moved on to meanwhile.
   */
  private UnconfirmedAnswer unconfirmed;

  private record UnconfirmedAnswer(String text, String questionId) {}

  public static Behavior<SocketMessage> create(String sessionId, ActorRef<SocketMessage.Outgoing> out, Dependencies deps) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context -> new OpenHireConnection(context, timers, sessionId, out, deps)));
  }

  private OpenHireConnection(ActorContext<SocketMessage> context, TimerScheduler<SocketMessage> timers, String sessionId,
      ActorRef<SocketMessage.Outgoing> out, Dependencies deps) {
    super(context, timers, sessionId, out, deps.sessions(), deps.resubscribeInterval());
    this.deps = deps;
  }

  // ---- client → session ----

  @Override
  protected Behavior<SocketMessage> onFrame(SocketMessage.Frame frame, ActorRef<SocketMessage.Ack> ackTo) {
    handle(frame, ackTo);
    return this;
  }

  private void handle(SocketMessage.Frame frame, ActorRef<SocketMessage.Ack> ackTo) {
    if (frame instanceof SocketMessage.TooLarge tooLarge) {
      replyNow(ackTo, OpenHireMessages.error(413, "Message too large",
          tooLarge.size() + " " + tooLarge.unit() + "; the limit is " + tooLarge.limit(), "ValidationError"));
      return;
    }
    if (frame instanceof SocketMessage.Binary) {
      replyNow(ackTo, OpenHireMessages.error(415, "Binary messages are not part of this protocol",
          "Send JSON text messages {\"type\": ..., \"data\": {...}}", "ValidationError"));
      return;
    }
    JsonNode message;
    try {
      message = Json.parse(((SocketMessage.Text) frame).text());
    } catch (Json.InvalidJsonException e) {
      replyNow(ackTo, OpenHireMessages.error(400, "Invalid JSON", e.getMessage(), "JSONDecodeError"));
      return;
    }
    if (!message.isObject() || !message.path("type").isTextual()) {
      replyNow(ackTo, OpenHireMessages.error(400, "Messages must be JSON objects with a \"type\"",
          "Expected {\"type\": ..., \"data\": {...}}", "ValidationError"));
      return;
    }
    String type = message.get("type").asText();
    try {
      switch (type) {
        case "start_interview" -> startInterview(data(message), ackTo);
        case "candidate_response" -> candidateResponse(data(message), ackTo);
        case "live_transcript" -> liveTranscript(data(message), ackTo);
        case "end_interview" -> endInterview(ackTo);
        case "get_status" -> getStatus(ackTo);
        default -> replyNow(ackTo, OpenHireMessages.error(400, "Unknown message type '" + type + "'",
            "Expected one of: start_interview, candidate_response, live_transcript, end_interview, get_status",
            "ValidationError"));
      }
    } catch (BadRequest | OpenHireContexts.InvalidPreference e) {
      replyNow(ackTo, OpenHireMessages.error(400, e.getMessage(), "In a " + type + " message", "ValidationError"));
    }
  }

  private static Fields data(JsonNode message) {
    JsonNode data = message.get("data");
    return Fields.of(data == null || data.isNull() ? Json.object() : data, "data");
  }

  private void startInterview(Fields data, ActorRef<SocketMessage.Ack> ackTo) {
    if (!data.has("job_id") || !data.has("candidate_id")) {
      replyNow(ackTo, OpenHireMessages.error(400, "job_id and candidate_id are required",
          "Both come from the jobs and candidates tables (POST /api/jobs, POST /api/candidates)", "ValidationError"));
      return;
    }
    String jobId = data.requiredText("job_id");
    String candidateId = data.requiredText("candidate_id");
    String resumeText = data.optionalText("resume_text");
    String candidateName = data.optionalText("candidate_name");
    InterviewPreferences preferences = OpenHireContexts.preferences(data.object("preferences"), deps.defaultMaxDurationMinutes());
    CompletionStage<Lookup> lookup = CompletableFuture.supplyAsync(
            () -> lookup(jobId, candidateId, candidateName, resumeText, preferences), deps.blocking())
        .orTimeout(deps.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
    then(lookup, ackTo, (found, error) -> () -> {
      if (error != null) {
        send(failure(error));
        return;
      }
      if (found.job().isEmpty()) {
        send(OpenHireMessages.error(404, "Job with ID " + jobId + " not found", "No such row in the jobs table", "HTTPException"));
        return;
      }
      if (found.candidate().isEmpty()) {
        send(OpenHireMessages.error(404, "Candidate with ID " + candidateId + " not found",
            "No such row in the candidates table", "HTTPException"));
        return;
      }
      if (found.context() == null) {
        send(OpenHireMessages.error(404, "No resume found for candidate",
            "Send resume_text or store one with the candidate", "HTTPException"));
        return;
      }
      InterviewSession.SessionContext context = found.context();
      // Once announced, the interview has started whatever the reply says.
      thenUnlessTaken(subscribed().thenCompose(s -> deps.sessions().start(sessionId, context)), () -> startAnnounced,
          ackTo, (reply, failure) -> () -> {
        if (failure != null) {
          send(failure(failure));
        } else if (reply instanceof InterviewSession.Accepted accepted) {
          rejoin(accepted.view());
        } else {
          send(rejection((InterviewSession.Rejected) reply));
        }
      });
    });
  }

  /** @param context null when the job, the candidate or a resume is missing */
  private record Lookup(Optional<JobRecord> job, Optional<CandidateRecord> candidate, InterviewSession.SessionContext context) {}

  /**
   * Database reads and resume parsing, both off the actor thread. A candidate id with no row is fine when the resume
   * came with the message: the frontend lets a person type any id.
   */
  private Lookup lookup(String jobId, String candidateId, String candidateName, String resumeText,
      InterviewPreferences preferences) {
    Optional<JobRecord> job = deps.jobs().find(jobId);
    boolean resumeGiven = resumeText != null && !resumeText.isBlank();
    Optional<CandidateRecord> candidate = deps.candidates().find(candidateId)
        .or(() -> resumeGiven ? Optional.of(OpenHireContexts.unlisted(candidateId, candidateName)) : Optional.empty());
    String text = resumeGiven ? resumeText : candidate.map(CandidateRecord::resumeText).orElse(null);
    InterviewSession.SessionContext context = job.isPresent() && candidate.isPresent() && text != null && !text.isBlank()
        ? OpenHireContexts.context(job.get(), candidate.get(), text, preferences)
        : null;
    return new Lookup(job, candidate, context);
  }

  private void candidateResponse(Fields data, ActorRef<SocketMessage.Ack> ackTo) {
    if (!data.has("response")) {
      throw new BadRequest("response is required");
    }
    String response = data.optionalText("response");
    String answerId = data.optionalText("answer_id");
    if (answerId != null && (answerId.isBlank() || answerId.length() > MAX_ANSWER_ID)) {
      throw new BadRequest("answer_id must be 1-" + MAX_ANSWER_ID + " characters");
    }
    boolean resent = unconfirmed != null && unconfirmed.text().equals(response);
    String questionId = resent ? unconfirmed.questionId() : shownWhenSent();
    int askedMark = askedMark();
    // Known again once the reply is read; taken (the next question asked), it stays unknown: nothing to resend.
    unconfirmed = null;
    thenUnlessTaken(subscribed().thenCompose(s -> deps.sessions().answer(sessionId, answerId, questionId, response, null)),
        () -> askedSince(askedMark), ackTo, (reply, failure) -> () -> {
      unconfirmed = failure == null ? null : new UnconfirmedAnswer(response, questionId);
      if (failure != null) {
        send(failure(failure));
      } else if (reply instanceof InterviewSession.Rejected rejected) {
        send(rejection(rejected));
        if (rejected.reason() == InterviewSession.Rejection.ALREADY_ANSWERED
            || rejected.reason() == InterviewSession.Rejection.NOT_CURRENT_QUESTION
            || rejected.reason() == InterviewSession.Rejection.FINISHED) {
          // This client is behind the interview (it missed a turn or the end while its node failed over): show it
          // where the interview stands, so its next answer goes to the question the session is on.
          showWhereItStands(ackTo);
        }
      } else if (((InterviewSession.AnswerAccepted) reply).duplicate()) {
        // A resubmission, typically after a reconnect: the reply to it may have gone to the old socket.
        showWhereItStands(ackTo);
      }
    });
  }

  private void showWhereItStands(ActorRef<SocketMessage.Ack> ackTo) {
    then(deps.sessions().status(sessionId), ackTo, (view, e) -> () -> {
      if (e != null) {
        send(failure(e));
      } else {
        resendCurrentTurn(view);
      }
    });
  }

  private void liveTranscript(Fields data, ActorRef<SocketMessage.Ack> ackTo) {
    if (!data.has("transcript")) {
      throw new BadRequest("transcript is required");
    }
    String transcript = data.optionalText("transcript");
    Boolean isFinal = data.optionalBoolean("is_final");
    replyNow(ackTo, OpenHireMessages.liveTranscriptUpdate(transcript, isFinal != null && isFinal));
  }

  private void endInterview(ActorRef<SocketMessage.Ack> ackTo) {
    then(subscribed().thenCompose(s -> deps.sessions().end(sessionId)), ackTo, (reply, failure) -> () -> {
      if (failure != null) {
        send(failure(failure));
      } else if (reply instanceof InterviewSession.Rejected rejected) {
        send(rejection(rejected));
      } else {
        SessionView view = ((InterviewSession.Accepted) reply).view();
        // An interview that was already over produces no new update; tell this client how it ended.
        if (view.report() != null) {
          ended(view, view.report().summary(), true);
        }
      }
    });
  }

  private void getStatus(ActorRef<SocketMessage.Ack> ackTo) {
    then(subscribed().thenCompose(s -> deps.sessions().status(sessionId)), ackTo, (view, failure) -> () -> {
      if (failure != null) {
        send(failure(failure));
      } else if (view.status() == InterviewSession.Status.NEW) {
        send(OpenHireMessages.error(404, "Interview session not found",
            "Session " + sessionId + " has not been started; send start_interview", "HTTPException"));
      } else {
        noteView(view);
        send(OpenHireMessages.statusUpdate(view, deps.clock().instant()));
      }
    });
  }

  // ---- session → client ----

  @Override
  protected void onProblem(SessionProblem problem) {
    send(OpenHireMessages.error(503, problem.message(), "Nothing you sent was lost", "InterviewerError"));
  }

  @Override
  protected void onUpdate(SessionUpdate update) {
    // The view is the session as it stands now, which for a replayed update may be further on: what the
    // message says about its own turn comes from the event.
    SessionView view = update.view();
    InterviewSession.Event event = update.event();
    if (event instanceof InterviewSession.QuestionAsked asked) {
      Question question = view.questions().get(asked.index());
      if (asked.index() == 0) {
        announceStart(view, question);
      } else {
        askOnce(view, question, view.phaseAt(asked.index()), asked.index() + 1, asked.acknowledgement());
      }
    } else if (event instanceof InterviewSession.InterviewCompleted completed) {
      announceEnd(view, completed);
    } else if (event instanceof InterviewSession.SessionAbandoned) {
      ended(view, "This interview was closed after a period of inactivity. Start a new session to try again.", false);
    }
  }

  /**
   * The answer to start_interview: a running interview is announced with the question it is on, a finished
   * one with how it ended; one still planning or finishing is announced by the update that follows.
   */
  private void rejoin(SessionView view) {
    noteView(view);
    if (view.status() == InterviewSession.Status.IN_PROGRESS) {
      announceStart(view, view.currentQuestion());
    } else if (view.report() != null) {
      ended(view, view.report().summary(), true);
    }
  }

  private void announceStart(SessionView view, Question question) {
    if (!startAnnounced) {
      startAnnounced = true;
      show(question.id());
      send(OpenHireMessages.interviewStarted(view, question, view.phaseAt(view.questions().indexOf(question))));
    }
  }

  private void announceEnd(SessionView view, InterviewSession.InterviewCompleted completed) {
    show(null);
    if (view.endReason() == InterviewSession.EndReason.ALL_ANSWERED) {
      send(OpenHireMessages.aiResponse(view, null, InterviewPhase.CONCLUSION, view.questionsAsked(),
          "Thank you, that was the last question. Your feedback follows.", deps.clock().instant()));
    }
    ended(view, completed.report().summary(), true);
  }

  /**
   * interview_ended, then a normal close: the frontend reconnects after any close code but 1000, and there is
   * nothing more to say on this socket.
   */
  private void ended(SessionView view, String feedback, boolean completed) {
    send(OpenHireMessages.interviewEnded(view, feedback, completed));
    hangUp();
  }

  private void resendCurrentTurn(SessionView view) {
    noteView(view);
    if (view.status() == InterviewSession.Status.IN_PROGRESS && !view.currentAnswered()) {
      askOnce(view, view.currentQuestion(), view.phase(), view.questionsAsked(), view.lastAcknowledgement());
    } else if (view.report() != null) {
      ended(view, view.report().summary(), true);
    }
  }

  /**
   * ai_response with a question, unless this socket has shown it already (from an update or a status): shown
   * again, a client that has answered it since takes that for a sign its answer was lost and sends it again, and by
   * then the next question is shown, which those words would take.
   */
  private void askOnce(SessionView view, Question question, InterviewPhase phase, int number, String acknowledgement) {
    if (!shown.isEmpty() && question.id().equals(shown.get(shown.size() - 1).questionId())) {
      return;
    }
    show(question.id());
    send(OpenHireMessages.aiResponse(view, question, phase, number, acknowledgement, deps.clock().instant()));
  }

  /** Notes the question the next message shows. */
  private void show(String questionId) {
    shown.add(new Shown(nextMessageNumber(), questionId));
  }

  /**
   * The question shown last before the client sent the message in hand, or null. Those shown before it are forgotten:
   * the client's later messages were sent later still.
   */
  private String shownWhenSent() {
    while (shown.size() > 1 && sentBeforeClientsMessage(shown.get(1).messageNumber())) {
      shown.remove(0);
    }
    return !shown.isEmpty() && sentBeforeClientsMessage(shown.get(0).messageNumber()) ? shown.get(0).questionId() : null;
  }

  // ---- plumbing ----

  private static String rejection(InterviewSession.Rejected rejected) {
    return switch (rejected.reason()) {
      case NOT_STARTED -> OpenHireMessages.error(404, "Interview session not found", rejected.message(), "HTTPException");
      case UNKNOWN_QUESTION -> OpenHireMessages.error(404, rejected.message(), "", "SessionError");
      case ABANDONED -> OpenHireMessages.error(410, rejected.message(), "", "SessionError");
      case BUSY -> OpenHireMessages.error(503, rejected.message(), "Nothing was started", "ServiceUnavailable");
      default -> OpenHireMessages.error(409, rejected.message(), rejected.reason().name().toLowerCase(java.util.Locale.ROOT),
          "SessionError");
    };
  }

  private static String failure(Throwable error) {
    Throwable cause = Failures.cause(error);
    if (cause instanceof StoreException) {
      return OpenHireMessages.error(500, cause.getMessage(), "The database did not answer", "DatabaseError");
    }
    return OpenHireMessages.error(503, "The interview session did not answer in time",
        "What you sent may or may not have been taken: ask with get_status before sending it again", "ServiceUnavailable");
  }
}
