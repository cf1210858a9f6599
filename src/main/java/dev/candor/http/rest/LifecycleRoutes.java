package dev.candor.http.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Failures;
import dev.candor.http.Json;
import dev.candor.http.MultipartForms;
import dev.candor.http.MultipartForms.Part;
import dev.candor.http.JsonRoutes;
import dev.candor.http.auth.Bearer;
import dev.candor.http.auth.Tokens;
import dev.candor.http.ws.Recordings;
import dev.candor.ingest.job.JobTextParser;
import dev.candor.ingest.resume.DocumentException;
import dev.candor.ingest.resume.DocumentType;
import dev.candor.ingest.resume.ResumeParser;
import dev.candor.ingest.resume.ResumeTextExtractor;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.HiringScores;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Interviewer;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.Resume;
import dev.candor.session.InterviewSession;
import dev.candor.session.InterviewSession.Status;
import dev.candor.session.SessionIds;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.store.InterviewOwners;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 003's interview lifecycle over REST, for a signed-in user ({@code /auth/*} tokens): create from a resume and a
 * job description, set up (plan the questions), start with a voice, step through the questions (next-question,
 * upload-video, answer-complete or skip), end, and read the report with a hiring decision. Each interview is a
 * client-paced session (see {@link InterviewSession}); the user's interviews are the owners table's rows, and another
 * user's interview answers 404. Errors are FastAPI's {@code {detail}}.
 */
public final class LifecycleRoutes extends JsonRoutes {

  /**
   * @param questionCount questions per interview (the seed's five)
   * @param maxResumeBytes largest resume file
   * @param maxVideoBytes largest recorded answer, refused before it is read in full
   * @param setupTimeout how long setup-ai waits for the questions before it answers that they are not ready
   * @param maxDurationMinutes each interview's time budget
   */
  public record Settings(int questionCount, long maxResumeBytes, long maxVideoBytes, Duration setupTimeout,
      double maxDurationMinutes) {

    public Settings {
      if (questionCount < Interviewer.MIN_QUESTIONS || questionCount > Interviewer.MAX_QUESTIONS) {
        throw new IllegalArgumentException("candor.lifecycle.question-count (LIFECYCLE_QUESTION_COUNT) must be between "
            + Interviewer.MIN_QUESTIONS + " and " + Interviewer.MAX_QUESTIONS + ", was " + questionCount);
      }
    }
  }

  static final String COMPLETED_MESSAGE = "Interview completed";
  private static final Set<String> VOICES = Set.of("male", "female");
  /** Room for the multipart envelope and the job description around the file itself. */
  private static final long ENVELOPE = 256 * 1024;
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
  private static final long SETUP_POLL_MILLIS = 50;
  private static final int HISTORY_PAGE = 100;

  private final Settings settings;
  private final Tokens tokens;
  private final InterviewOwners owners;
  private final Sessions sessions;
  private final Recordings recordings;
  private final ResumeTextExtractor extractor;
  private final MultipartForms forms;

  public LifecycleRoutes(ActorSystem<?> system, Settings settings, Tokens tokens, InterviewOwners owners, Sessions sessions,
      Recordings recordings, ResumeTextExtractor extractor) {
    super(system, 0);
    this.settings = settings;
    this.tokens = tokens;
    this.owners = owners;
    this.sessions = sessions;
    this.recordings = recordings;
    this.extractor = extractor;
    this.forms = new MultipartForms(system);
  }

  public Route routes() {
    // The method first, then the token: a method no route has is refused as such, whoever asks.
    return pathPrefix("interviews", () -> concat(
        pathEndOrSingleSlash(() -> get(() -> signedIn(this::list))),
        path("create", () -> post(() -> signedIn(this::create))),
        pathPrefix(PathMatchers.segment(), id -> concat(
            path("setup-ai", () -> post(() -> yours(id, () -> setUp(id)))),
            path("start", () -> post(() -> parameterOptional("voice", voice -> yours(id, () -> start(id, voice))))),
            path("next-question", () -> get(() -> yours(id, () -> nextQuestion(id)))),
            path("answer-complete", () -> post(() -> yours(id,
                () -> advance(id, null, "Answer recorded, moving to next question")))),
            path("end", () -> post(() -> yours(id, () -> end(id)))),
            path("report", () -> get(() -> yours(id, () -> report(id)))),
            pathPrefix(PathMatchers.segment("questions").slash(PathMatchers.segment()), questionId -> concat(
                path("upload-video", () -> post(() -> yours(id, () -> uploadVideo(id, questionId)))),
                path("analyze", () -> post(() -> yours(id, () -> analyze(id, questionId)))),
                path("score", () -> post(() -> yours(id, () -> score(id, questionId)))),
                path("skip", () -> post(() -> yours(id,
                    () -> advance(id, questionId, "Question skipped, moving to next question"))))))))));
  }

  // ---- access ----

  private Route signedIn(Function<String, Route> inner) {
    return extractRequest(request -> Bearer.token(request).flatMap(tokens::userId).<Route>map(inner)
        .orElseGet(() -> complete(Bearer.unauthorizedDetail())));
  }

  /** The signed-in user's own interview, else 401 (no token) or 404 (not theirs, or none). */
  private Route yours(String id, Supplier<Route> inner) {
    return signedIn(userId -> owned(userId, id, inner));
  }

  private Route owned(String userId, String id, Supplier<Route> inner) {
    Route notFound = complete(Json.error(StatusCodes.NOT_FOUND, "Interview not found"));
    if (!SessionIds.isValid(id)) {
      return notFound;
    }
    return onSuccess(blocking(() -> owners.ownerOf(id)), owner -> owner.filter(userId::equals).isPresent()
        ? inner.get() : notFound);
  }

  // ---- lifecycle ----

  private Route create(String userId) {
    return multipart(settings.maxResumeBytes() + ENVELOPE, parts -> {
      Part resumeFile = parts.get("resume");
      Part jobPart = parts.get("job_description");
      if (resumeFile == null || resumeFile.bytes().length == 0) {
        return badRequest("Send the resume as the multipart file field 'resume' (PDF or DOCX)");
      }
      String jobText = jobPart == null ? "" : jobPart.text().strip();
      if (jobText.isEmpty()) {
        return badRequest("Send the job description as the form field 'job_description'");
      }
      String id = UUID.randomUUID().toString();
      CompletionStage<InterviewSession.Reply> created = blocking(() -> context(resumeFile, jobText))
          .thenCompose(context -> blocking(() -> owners.claim(id, userId)).thenCompose(claimed -> sessions.start(id, context)));
      return onComplete(created, result -> {
        if (result.isFailure()) {
          Throwable cause = Failures.cause(result.failed().get());
          if (cause instanceof DocumentException document) {
            return complete(document.reason() == DocumentException.Reason.TOO_LARGE
                ? Json.error(StatusCodes.CONTENT_TOO_LARGE, "The resume is over the " + megabytes(settings.maxResumeBytes())
                    + " MB limit")
                : Json.error(StatusCodes.BAD_REQUEST, "Failed to read the resume: " + document.getMessage()));
          }
          return failWith(cause);
        }
        return replied(result.get(), view -> json(StatusCodes.OK, Json.object().put("interview_id", id)
            .put("status", seedStatus(view))));
      });
    });
  }

  private InterviewSession.SessionContext context(Part resumeFile, String jobText) {
    Resume resume;
    try {
      resume = ResumeParser.parse(extractor.extract(resumeFile.bytes(), settings.maxResumeBytes(),
          EnumSet.of(DocumentType.PDF, DocumentType.DOCX)).text());
    } catch (DocumentException e) {
      throw new CompletionException(e);
    }
    JobPosting job = JobTextParser.parse(jobText).posting();
    InterviewPreferences preferences = new InterviewPreferences(settings.maxDurationMinutes(), null, List.of());
    return InterviewSession.SessionContext.clientPaced(null, null, resume, job, preferences, settings.questionCount());
  }

  /** Plans the questions and answers once they are ready, so the next call can start the interview. */
  private Route setUp(String id) {
    long deadline = System.nanoTime() + settings.setupTimeout().toNanos();
    return onSuccess(sessions.plan(id), reply -> replied(reply, begun -> onSuccess(planned(id, deadline), view ->
        view.status() == Status.READY
            ? json(StatusCodes.OK, Json.object().put("message", "AI setup completed").put("questions_count", view.questions().size()))
            : complete(Json.error(StatusCodes.INTERNAL_SERVER_ERROR, "AI setup failed: the questions were not ready within "
                + settings.setupTimeout().toSeconds() + " s; they are still being written, ask for the next question "
                + "once the interview has started")))));
  }

  private CompletionStage<SessionView> planned(String id, long deadline) {
    return sessions.status(id).thenCompose(view -> view.status() != Status.PLANNING || System.nanoTime() > deadline
        ? CompletableFuture.completedFuture(view)
        : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(SETUP_POLL_MILLIS, TimeUnit.MILLISECONDS))
            .thenCompose(waited -> planned(id, deadline)));
  }

  private Route start(String id, Optional<String> voiceParameter) {
    String voice = voiceParameter.map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
    if (!VOICES.contains(voice)) {
      return badRequest("Invalid voice: choose male or female (the query parameter voice)");
    }
    return onSuccess(sessions.begin(id, voice), reply -> replied(reply, view ->
        json(StatusCodes.OK, Json.object().put("message", "Interview started").put("voice", voice))));
  }

  private Route nextQuestion(String id) {
    return onSuccess(sessions.status(id), view -> {
      if (view.status() == Status.FINISHING || view.status() == Status.COMPLETED) {
        return json(StatusCodes.OK, Json.object().put("message", COMPLETED_MESSAGE));
      }
      if (view.status() != Status.IN_PROGRESS) {
        return badRequest("Interview not in progress" + (view.status() == Status.ABANDONED ? ": it was abandoned" : ": start it first"));
      }
      Question current = view.currentQuestion();
      return json(StatusCodes.OK, Json.object()
          .put("question_number", view.questionsAsked())
          .put("question_id", current.id())
          .put("question_text", current.text())
          .put("voice", view.voice()));
    });
  }

  /** answer-complete ({@code questionId} null) and skip: the session moves on, whether or not an answer came. */
  private Route advance(String id, String questionId, String message) {
    return onSuccess(sessions.advance(id, questionId), reply -> replied(reply, view ->
        json(StatusCodes.OK, Json.object().put("message", message))));
  }

  private Route end(String id) {
    return onSuccess(sessions.status(id), before -> before.status() != Status.IN_PROGRESS
        ? badRequest(before.status() == Status.FINISHING || before.status() == Status.COMPLETED
            ? "The interview has already ended" : "The interview is not in progress")
        : onSuccess(sessions.end(id), reply -> replied(reply, view ->
            json(StatusCodes.OK, Json.object().put("message", "Interview ended successfully")))));
  }

  // ---- answers ----

  private Route uploadVideo(String id, String questionId) {
    return multipart(settings.maxVideoBytes() + ENVELOPE, parts -> {
      Part video = parts.get("video");
      if (video == null || video.bytes().length == 0) {
        return badRequest("Send the recording as the multipart file field 'video' (WebM or MP4)");
      }
      if (video.bytes().length > settings.maxVideoBytes()) {
        return complete(tooLarge(settings.maxVideoBytes()));
      }
      return onSuccess(sessions.status(id), view -> view.questions().stream().noneMatch(q -> q.id().equals(questionId))
          ? complete(Json.error(StatusCodes.NOT_FOUND, "Question not found"))
          : onSuccess(recordings.submit(id, questionId, video.bytes(), format(video), CompletableFuture.completedFuture(null)),
              reply -> reply instanceof InterviewSession.Rejected rejected
                  ? rejected(rejected)
                  : json(StatusCodes.OK, Json.object().put("message", "Video uploaded successfully. Processing started."))));
    });
  }

  /** The container is told by its bytes when decoded; the declared type is only a hint. */
  private static String format(Part video) {
    String type = video.contentType().toLowerCase(Locale.ROOT);
    return type.contains("mp4") || type.contains("quicktime") ? "mp4" : "webm";
  }

  private Route analyze(String id, String questionId) {
    return answer(id, questionId, (answer, analysis) -> json(StatusCodes.OK, Json.object()
        .put("message", "Analysis completed")
        .put("transcript", answer.text())
        // Nothing in Candor reads feelings from a face or a voice; it says so rather than guess.
        .putNull("emotion")
        .put("confidence", HiringScores.confidence(analysis))));
  }

  private Route score(String id, String questionId) {
    return answer(id, questionId, (answer, analysis) -> {
      HiringScores scores = HiringScores.of(analysis);
      ObjectNode body = Json.object().put("message", "Scoring completed");
      body.putObject("score").put("accuracy", scores.accuracy()).put("communication", scores.communication())
          .put("behavior", scores.behavior());
      return json(StatusCodes.OK, body);
    });
  }

  private interface AnsweredRoute {
    Route apply(InterviewSession.RecordedAnswer answer, AnswerAnalysis analysis);
  }

  /** An analysed answer to {@code questionId}, or the reason there is none yet. */
  private Route answer(String id, String questionId, AnsweredRoute inner) {
    return onSuccess(sessions.status(id), view -> view.questions().stream().noneMatch(q -> q.id().equals(questionId))
        ? complete(Json.error(StatusCodes.NOT_FOUND, "Question not found"))
        : onSuccess(sessions.answers(id), answers -> {
          InterviewSession.RecordedAnswer answer = answers.answers().get(questionId);
          AnswerAnalysis analysis = answers.analyses().get(questionId);
          if (answer == null && answers.transcribing().contains(questionId)) {
            return badRequest("Answer not ready for scoring: the recording is still being transcribed");
          }
          if (answer == null) {
            return badRequest("Answer not ready for scoring: no answer has been recorded for this question");
          }
          if (analysis == null) {
            return badRequest("Answer not ready for scoring: it is still being analysed");
          }
          return inner.apply(answer, analysis);
        }));
  }

  // ---- report and history ----

  private Route report(String id) {
    return onSuccess(sessions.status(id), view -> switch (view.status()) {
      case FINISHING -> json(StatusCodes.OK, Json.object().put("status", "processing"));
      case COMPLETED -> view.answersRecorded() == 0 ? incomplete() : onSuccess(sessions.answers(id), answers ->
          json(StatusCodes.OK, report(view, answers)));
      case ABANDONED -> incomplete();
      default -> badRequest("The interview has not ended: answer its questions or end it first");
    });
  }

  private Route incomplete() {
    return json(StatusCodes.OK, Json.object().put("status", "incomplete").put("message", "Interview answers not found"));
  }

  private static ObjectNode report(SessionView view, InterviewSession.Answers answers) {
    List<Question> asked = view.questions().subList(0, view.questionsAsked());
    List<HiringScores> perQuestion = asked.stream()
        .map(q -> answers.analyses().containsKey(q.id()) ? HiringScores.of(answers.analyses().get(q.id())) : null)
        .toList();
    double[] means = HiringScores.means(perQuestion);
    ObjectNode body = Json.object().put("status", "completed").put("decision", HiringScores.decision(means));
    body.putObject("scores").put("technical", means[0]).put("communication", means[1]).put("behavior", means[2]);
    body.set("strengths", Json.tree(view.report().strengths()));
    body.set("gaps", Json.tree(view.report().improvements()));
    ArrayNode questions = body.putArray("questions");
    for (int i = 0; i < asked.size(); i++) {
      Question question = asked.get(i);
      HiringScores scores = perQuestion.get(i) == null ? HiringScores.NONE : perQuestion.get(i);
      AnswerAnalysis analysis = answers.analyses().get(question.id());
      questions.addObject()
          .put("question_id", question.id())
          .put("question_text", question.text())
          .put("accuracy", scores.accuracy())
          .put("communication", scores.communication())
          .put("behavior", scores.behavior())
          .put("feedback", analysis == null ? "No answer was given to this question." : analysis.feedback());
    }
    return body.put("summary", view.report().summary());
  }

  /** The history page's list (not in the seed's document: its frontend reads it). */
  private Route list(String userId) {
    return onSuccess(blocking(() -> owners.list(userId, HISTORY_PAGE, 0)).thenCompose(owned ->
        sessions.statuses(owned.stream().map(InterviewOwners.Owned::sessionId).toList()).thenApply(views -> {
          ArrayNode items = Json.MAPPER.createArrayNode();
          for (int i = 0; i < owned.size(); i++) {
            SessionView view = views.get(i).orElse(null);
            if (view != null && view.status() == Status.NEW) {
              continue;
            }
            items.addObject()
                .put("interview_id", owned.get(i).sessionId())
                .put("label", view == null ? "Interview" : label(view))
                .put("started_at", (view == null || view.startedAt() == null ? owned.get(i).createdAt() : view.startedAt()).toString())
                .put("report_status", view == null ? "unavailable" : reportStatus(view));
          }
          return items;
        })), items -> {
          ObjectNode body = Json.object();
          body.set("interviews", items);
          return json(StatusCodes.OK, body);
        });
  }

  private static String label(SessionView view) {
    String title = view.jobTitle() == null || view.jobTitle().isBlank() ? "Interview" : view.jobTitle();
    return view.company() == null || view.company().isBlank() ? title : title + " at " + view.company();
  }

  private static String reportStatus(SessionView view) {
    return switch (view.status()) {
      case COMPLETED -> view.answersRecorded() == 0 ? "incomplete" : "completed";
      case FINISHING -> "processing";
      case ABANDONED -> "incomplete";
      default -> seedStatus(view);
    };
  }

  /** The seed's session statuses: created, questions_generated, in_progress, completed. */
  static String seedStatus(SessionView view) {
    return switch (view.status()) {
      case NEW, CREATED, PLANNING -> "created";
      case READY -> "questions_generated";
      case IN_PROGRESS -> "in_progress";
      case FINISHING, COMPLETED -> "completed";
      case ABANDONED -> "abandoned";
    };
  }

  // ---- plumbing ----

  private Route replied(InterviewSession.Reply reply, Function<SessionView, Route> accepted) {
    if (reply instanceof InterviewSession.Accepted a) {
      return accepted.apply(a.view());
    }
    if (reply instanceof InterviewSession.Rejected r) {
      return rejected(r);
    }
    return failWith(new IllegalStateException("unexpected reply " + reply));
  }

  private Route rejected(InterviewSession.Rejected rejected) {
    StatusCode status = switch (rejected.reason()) {
      case UNKNOWN_QUESTION -> StatusCodes.NOT_FOUND;
      case BUSY -> StatusCodes.SERVICE_UNAVAILABLE;
      default -> StatusCodes.BAD_REQUEST;
    };
    return complete(Json.error(status, rejected.message()));
  }

  private Route badRequest(String detail) {
    return complete(Json.error(StatusCodes.BAD_REQUEST, detail));
  }

  /** A multipart form's parts by name, the whole body bounded by {@code limit}: over it is a 413 with the limit. */
  private Route multipart(long limit, Function<Map<String, Part>, Route> inner) {
    return forms.form(limit, READ_TIMEOUT, () -> tooLarge(limit - ENVELOPE), inner);
  }

  private static org.apache.pekko.http.javadsl.model.HttpResponse tooLarge(long limit) {
    return Json.error(StatusCodes.CONTENT_TOO_LARGE, "The upload is over the " + megabytes(limit) + " MB limit");
  }

  private static long megabytes(long bytes) {
    return Math.max(1, bytes / (1024 * 1024));
  }
}
