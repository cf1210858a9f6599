package dev.candor.http.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.auth.Bearer;
import dev.candor.http.auth.Tokens;
import dev.candor.http.ws.interviewbot.InterviewBotMessages;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionIds;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.store.InterviewOwners;
import dev.candor.store.ReportShares;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.ContentDisposition;
import org.apache.pekko.http.javadsl.model.headers.ContentDispositionTypes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * A finished interview's report for the web app: {@code GET /api/reports/{id}/pdf} (the PDF, made on the server),
 * {@code POST /api/reports/{id}/shares} (a read-only link for a mentor: {@code {token, url}}) and
 * {@code DELETE /api/reports/{id}/shares/{token}} (the link revoked); and for the mentor, {@code GET /api/shared/{token}}
 * (the report as JSON, with the job's title and company) and {@code GET /api/shared/{token}/pdf}.
 *
 * <p>Who may act on an interview: its owner, with their Bearer token, when it was held signed in; anyone holding its id
 * when it was anonymous (the id is a random UUID only the candidate's browser was given). Anyone else gets a 404, as if
 * it did not exist. A revoked or unknown link is a 404 too.
 */
public final class ReportRoutes extends JsonRoutes {

  private final Tokens tokens;
  private final InterviewOwners owners;
  private final ReportShares shares;
  private final Sessions sessions;

  public ReportRoutes(ActorSystem<?> system, Tokens tokens, InterviewOwners owners, ReportShares shares, Sessions sessions) {
    super(system, 0);
    this.tokens = tokens;
    this.owners = owners;
    this.shares = shares;
    this.sessions = sessions;
  }

  public Route routes() {
    return concat(
        pathPrefix(PathMatchers.segment("api").slash("reports").slash(PathMatchers.segment()), id -> concat(
            path("pdf", () -> get(() -> yours(id, this::pdf))),
            path("shares", () -> post(() -> yours(id, view ->
                onSuccess(blocking(() -> shares.share(id, Tokens.generateSecret())), token ->
                    json(StatusCodes.CREATED, Json.object().put("token", token).put("url", "/shared/" + token)))))),
            path(PathMatchers.segment("shares").slash(PathMatchers.segment()), token -> delete(() -> yours(id, view ->
                onSuccess(blocking(() -> shares.revoke(id, token)), revoked -> revoked
                    ? complete(StatusCodes.NO_CONTENT)
                    : complete(Json.error(StatusCodes.NOT_FOUND, "No live link " + token + " to this report")))))))),
        pathPrefix(PathMatchers.segment("api").slash("shared").slash(PathMatchers.segment()), token -> get(() -> concat(
            pathEnd(() -> shared(token, view -> json(StatusCodes.OK, sharedJson(view)))),
            path("pdf", () -> shared(token, this::pdf))))));
  }

  /** The interview's report, when the caller may read it and it exists. */
  private Route yours(String id, Function<SessionView, Route> inner) {
    Route notFound = complete(Json.error(StatusCodes.NOT_FOUND, "There is no report " + id));
    if (!SessionIds.isValid(id)) {
      return notFound;
    }
    return extractRequest(request -> onSuccess(blocking(() -> owners.ownerOf(id)), owner -> {
      if (owner.isPresent() && !owner.equals(caller(request))) {
        return notFound;
      }
      return withReport(id, notFound, inner);
    }));
  }

  private Route shared(String token, Function<SessionView, Route> inner) {
    Route notFound = complete(Json.error(StatusCodes.NOT_FOUND, "This link does not exist or was revoked"));
    return onSuccess(blocking(() -> shares.sessionOf(token)), session -> session
        .map(id -> withReport(id, notFound, inner))
        .orElse(notFound));
  }

  private Route withReport(String id, Route notFound, Function<SessionView, Route> inner) {
    return onSuccess(sessions.status(id), view -> {
      if (view.status() == InterviewSession.Status.NEW) {
        return notFound;
      }
      if (view.report() == null) {
        return complete(Json.error(StatusCodes.CONFLICT, "The interview has no report yet: finish it first"));
      }
      return inner.apply(view);
    });
  }

  private Optional<String> caller(HttpRequest request) {
    return Bearer.token(request).flatMap(tokens::userId);
  }

  private static ObjectNode sharedJson(SessionView view) {
    ObjectNode body = Json.object().put("jobTitle", view.jobTitle()).put("company", view.company());
    body.set("report", InterviewBotMessages.interviewComplete(view.report(), view.questions()));
    return body;
  }

  /** The PDF is laid out off the HTTP threads: a long report takes tens of milliseconds of one core. */
  private Route pdf(SessionView view) {
    String title = view.jobTitle() == null ? null
        : view.jobTitle() + (view.company() == null ? "" : " at " + view.company());
    return onSuccess(blocking(() -> ReportPdf.of(view.report(), title)), bytes -> complete(HttpResponse.create()
        .withEntity(HttpEntities.create(ContentTypes.create(MediaTypes.APPLICATION_PDF), bytes))
        .addHeader(ContentDisposition.create(ContentDispositionTypes.ATTACHMENT, Map.of("filename", "candor-report.pdf")))));
  }
}
