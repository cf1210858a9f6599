package dev.candor.http.rest;

import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.auth.Bearer;
import dev.candor.http.auth.Tokens;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionIds;
import dev.candor.session.Sessions;
import dev.candor.store.InterviewOwners;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/sessions/{id}}: a session as it stands (status, questions, progress, and the report once
 * it is complete), whichever contract it was held through. A signed-in user's interview is shown only with that
 * user's bearer token; to anyone else it does not exist.
 */
public final class SessionRoutes extends JsonRoutes {

  private final Sessions sessions;
  private final InterviewOwners owners;
  private final Tokens tokens;

  public SessionRoutes(ActorSystem<?> system, Sessions sessions, InterviewOwners owners, Tokens tokens) {
    super(system, 0);
    this.sessions = sessions;
    this.owners = owners;
    this.tokens = tokens;
  }

  public Route routes() {
    return path(PathMatchers.segment("api").slash("sessions").slash(PathMatchers.segment()), id -> get(() -> {
      if (!SessionIds.isValid(id)) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, "Invalid session id: " + SessionIds.describeRule()));
      }
      Route notFound = complete(Json.error(StatusCodes.NOT_FOUND, "Interview session " + id + " not found"));
      return extractRequest(request -> {
        Optional<String> caller = Bearer.token(request).flatMap(tokens::userId);
        return onSuccess(blocking(() -> owners.ownerOf(id)), owner -> owner.isPresent() && !owner.equals(caller)
            ? notFound
            : onSuccess(sessions.status(id), view -> view.status() == InterviewSession.Status.NEW
                ? notFound
                : complete(Json.response(StatusCodes.OK, view))));
      });
    }));
  }
}
