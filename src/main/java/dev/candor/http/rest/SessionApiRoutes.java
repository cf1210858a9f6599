package dev.candor.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Failures;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.MultipartForms;
import dev.candor.http.ws.sessionapi.SessionApiMessages;
import dev.candor.http.ws.sessionapi.SessionApiReports;
import dev.candor.http.ws.sessionapi.SessionApiSetups;
import dev.candor.ingest.resume.DocumentException;
import dev.candor.ingest.resume.DocumentType;
import dev.candor.ingest.resume.ResumeParser;
import dev.candor.ingest.resume.ResumeTextExtractor;
import dev.candor.interview.CandidateFit;
import dev.candor.interview.SkillScores;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionIds;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.store.InterviewSetup;
import dev.candor.store.InterviewSetupRepository;
import dev.candor.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 004's REST half: a session made by {@code POST /session/start}, its resume and job description uploaded, the
 * memory consent, and the report. The setup lives in interview_setups until the WebSocket starts the interview; from
 * then on the session entity of the same id holds it. Errors follow the seed's table: 400 for a bad request or file
 * (an oversize one included), 404 for an unknown session, 500 for a database fault, each with {@code detail}.
 */
public final class SessionApiRoutes extends JsonRoutes {

  /** Room for the multipart envelope and the session id around the file itself. */
  private static final long ENVELOPE = 64 * 1024;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
  /** A job description sent as a multipart form: a long posting is some tens of kilobytes. */
  private static final long MAX_JOB_FORM = 1024 * 1024;

  private final InterviewSetupRepository setups;
  private final SessionApiSetups interviews;
  private final Sessions sessions;
  private final ResumeTextExtractor extractor;
  private final MultipartForms forms;
  private final Clock clock;

  public SessionApiRoutes(ActorSystem<?> system, long maxJsonBody, InterviewSetupRepository setups, SessionApiSetups interviews,
      Sessions sessions, ResumeTextExtractor extractor, Clock clock) {
    super(system, maxJsonBody);
    this.setups = setups;
    this.interviews = interviews;
    this.sessions = sessions;
    this.extractor = extractor;
    this.forms = new MultipartForms(system);
    this.clock = clock;
  }

  public Route routes() {
    return concat(
        path(PathMatchers.segment("session").slash("start"), () -> post(this::start)),
        path(PathMatchers.segment("session").slash(PathMatchers.segment()), id -> get(() -> session(id))),
        path(PathMatchers.segment("upload").slash("resume"), () -> post(this::uploadResume)),
        path(PathMatchers.segment("upload").slash("jd"), () -> post(this::uploadJob)),
        path(PathMatchers.segment("interview").slash("opt-in-memory"), () -> post(this::optInMemory)),
        path(PathMatchers.segment("interview").slash("report").slash(PathMatchers.segment()), id -> get(() -> report(id))));
  }

  /** The seed's frontend posts a JSON content type with no body: the body is never read. */
  private Route start() {
    return answer(blocking(() -> setups.create(UUID.randomUUID().toString())), setup -> Json.response(StatusCodes.OK,
        Json.object().put("session_id", setup.sessionId()).put("status", "created").put("message", "Session created successfully")));
  }

  private Route session(String id) {
    return withSetup(id, setup -> setup.purged() ? json(StatusCodes.OK, Json.object()
        .put("session_id", id)
        .put("status", SessionApiReports.kept(setup).path("status").asText("completed"))
        .put("current_phase", SkillScores.Phase.COMPLETED.wireName())
        .put("has_resume", setup.hasResume())
        .put("has_jd", setup.hasJob())
        .put("memory_opt_in", false)) : onComplete(sessions.status(id), status -> {
      if (status.isFailure()) {
        return complete(failure(status.failed().get()));
      }
      SessionView view = status.get();
      return json(StatusCodes.OK, Json.object()
          .put("session_id", id)
          .put("status", SessionApiMessages.status(view))
          .put("current_phase", SessionApiMessages.phase(view).wireName())
          .put("has_resume", setup.hasResume())
          .put("has_jd", setup.hasJob())
          .put("memory_opt_in", setup.memoryOptIn()));
    }));
  }

  private Route uploadResume() {
    long limit = interviews.settings().maxResumeBytes();
    return forms.form(limit + ENVELOPE, READ_TIMEOUT, () -> badRequest("File too large: the limit is " + megabytes(limit) + " MB"),
        parts -> {
          MultipartForms.Part id = parts.get("session_id");
          MultipartForms.Part file = parts.get("file");
          if (id == null) {
            return complete(badRequest("Send the session id as the form field 'session_id'"));
          }
          if (file == null || file.bytes().length == 0) {
            return complete(badRequest("No resume file: send it as the multipart field 'file' (PDF, DOCX or TXT)"));
          }
          String sessionId = id.text().strip();
          return notStarted(sessionId, setup -> {
            CompletionStage<CandidateFit> stored = blocking(() -> {
              try {
                String text = extractor.extract(file.bytes(), limit, EnumSet.allOf(DocumentType.class)).text();
                String email = ResumeParser.parse(text).email();
                return interviews.fit(setups.setResume(sessionId, text, file.filename(), email).orElseThrow());
              } catch (DocumentException e) {
                throw new CompletionException(e);
              }
            });
            return onComplete(stored, result -> {
              if (result.isFailure() && Failures.cause(result.failed().get()) instanceof DocumentException e) {
                return complete(badRequest(e.reason() == DocumentException.Reason.TOO_LARGE
                    ? "File too large: the limit is " + megabytes(limit) + " MB" : "Invalid resume file: " + e.getMessage()));
              }
              if (result.isFailure()) {
                return failWith(Failures.cause(result.failed().get()));
              }
              CandidateFit fit = result.get();
              ObjectNode body = Json.object().put("session_id", sessionId).put("resume_received", true)
                  .put("detected_seniority", fit.seniority().wireName());
              body.set("strengths", Json.tree(fit.strengths()));
              body.set("gaps", Json.tree(fit.gaps()));
              body.set("focus_areas", Json.tree(fit.focusAreas()));
              return json(StatusCodes.OK, body);
            });
          });
        });
  }

  private Route uploadJob() {
    return formFields(fields -> {
      String sessionId = fields.get("session_id");
      String text = fields.get("job_description");
      String role = fields.get("role");
      if (sessionId == null) {
        return complete(badRequest("Send the session id as the form field 'session_id'"));
      }
      if (text == null || text.isBlank()) {
        return complete(badRequest("Send the job description as the form field 'job_description'"));
      }
      return notStarted(sessionId.strip(), setup -> answer(blocking(() -> {
        InterviewSetup stored = setups.setJob(setup.sessionId(), text.strip(), role == null || role.isBlank() ? null : role.strip())
            .orElseThrow();
        return Json.object().put("session_id", stored.sessionId()).put("jd_received", true)
            .put("role", stored.role() != null ? stored.role() : SessionApiSetups.job(stored).title());
      }), body -> Json.response(StatusCodes.OK, body)));
    });
  }

  /** The session id comes in the query (the seed's frontend) or in the body; {@code opt_in} in the body. */
  private Route optInMemory() {
    return parameterOptional("session_id", query -> jsonBody(body -> {
      Optional<String> id = query.or(() -> body.path("session_id").isTextual()
          ? Optional.of(body.get("session_id").asText()) : Optional.empty());
      if (id.isEmpty()) {
        return complete(badRequest("Send the session id as the query parameter 'session_id' or the body field 'session_id'"));
      }
      JsonNode optIn = body.path("opt_in");
      if (!optIn.isBoolean()) {
        return complete(badRequest("Send {\"opt_in\": true} or {\"opt_in\": false}"));
      }
      return withSetup(id.get().strip(), setup -> setup.purged()
          ? complete(badRequest("This session's answers were deleted at the end of its retention period; its consent can"
              + " no longer change"))
          : answer(blocking(() -> setups.setMemoryOptIn(setup.sessionId(),
          optIn.asBoolean()).orElseThrow()), stored -> Json.response(StatusCodes.OK, Json.object()
          .put("session_id", stored.sessionId())
          .put("memory_opt_in", stored.memoryOptIn())
          .put("message", stored.memoryOptIn() ? "Memory storage enabled" : "Memory storage disabled"))));
    }));
  }

  private Route report(String id) {
    return withSetup(id, setup -> {
      if (setup.purged()) {
        return json(StatusCodes.OK, SessionApiReports.kept(setup));
      }
      CompletionStage<ObjectNode> report = sessions.status(id).thenCombine(sessions.answers(id), Report::new)
          .thenCompose(found -> blocking(() -> SessionApiReports.report(found.view(), found.answers(), interviews.fit(setup),
              clock.instant(), true)));
      return onComplete(report, found -> found.isSuccess() ? json(StatusCodes.OK, found.get())
          : complete(failure(found.failed().get())));
    });
  }

  private record Report(SessionView view, InterviewSession.Answers answers) {}


  // ---- plumbing ----

  /** The route for a known session: 400 for an id that is not a UUID, 404 for one with no setup. */
  private Route withSetup(String id, Function<InterviewSetup, Route> inner) {
    if (!SessionIds.isUuid(id)) {
      return complete(badRequest("Invalid session ID format: expected a UUID"));
    }
    return onComplete(blocking(() -> setups.find(id)), found -> {
      if (found.isFailure()) {
        return failWith(Failures.cause(found.failed().get()));
      }
      return found.get().map(inner).orElseGet(() -> complete(Json.error(StatusCodes.NOT_FOUND, "Session not found")));
    });
  }

  /** A known session whose interview has not started: its documents can still change. */
  private Route notStarted(String id, Function<InterviewSetup, Route> inner) {
    return withSetup(id, setup -> setup.purged()
        ? complete(badRequest("The interview has ended: its resume and job description can no longer change"))
        : onComplete(sessions.status(id), status -> {
      if (status.isFailure()) {
        return complete(failure(status.failed().get()));
      }
      if (status.get().status() != InterviewSession.Status.NEW) {
        return complete(badRequest("The interview has started: its resume and job description can no longer change"));
      }
      return inner.apply(setup);
    }));
  }

  /** Form fields from a multipart or URL-encoded body (FastAPI's Form takes both), or a JSON object. */
  private Route formFields(Function<Map<String, String>, Route> inner) {
    return extractRequestEntity(entity -> {
      if (entity.getContentType().mediaType().isMultipart()) {
        return forms.form(MAX_JOB_FORM, READ_TIMEOUT, () -> badRequest("The form is over " + megabytes(MAX_JOB_FORM) + " MB"),
            parts -> {
          Map<String, String> fields = new HashMap<>();
          parts.forEach((name, part) -> fields.put(name, part.text()));
          return inner.apply(fields);
        });
      }
      return jsonOrFormBody(body -> {
        Map<String, String> fields = new HashMap<>();
        body.fields().forEachRemaining(field -> {
          if (field.getValue().isValueNode() && !field.getValue().isNull()) {
            fields.put(field.getKey(), field.getValue().asText());
          }
        });
        return inner.apply(fields);
      });
    });
  }

  private <T> Route answer(CompletionStage<T> work, Function<T, HttpResponse> response) {
    return onComplete(work, result -> result.isSuccess()
        ? complete(response.apply(result.get()))
        : failWith(Failures.cause(result.failed().get())));
  }

  private static HttpResponse badRequest(String detail) {
    return Json.error(StatusCodes.BAD_REQUEST, detail);
  }

  /** A database fault is the seed's 500; a session that did not answer in time, 503. */
  private static HttpResponse failure(Throwable error) {
    Throwable cause = Failures.cause(error);
    if (cause instanceof StoreException) {
      return Json.error(StatusCodes.INTERNAL_SERVER_ERROR, "Database error: the session could not be read");
    }
    return Json.error(StatusCodes.SERVICE_UNAVAILABLE, "The interview session did not answer in time; try again");
  }

  private static long megabytes(long bytes) {
    return Math.max(1, bytes / (1024 * 1024));
  }
}
