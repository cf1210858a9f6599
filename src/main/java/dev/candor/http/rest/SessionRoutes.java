package dev.candor.http.rest;

import dev.candor.http.Json;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionIds;
import dev.candor.session.Sessions;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/sessions/{id}}: a session as it stands (status, questions, progress, and the report once
 * it is complete), whichever contract it was held through.
 */
public final class SessionRoutes extends AllDirectives {

  private final Sessions sessions;

  public SessionRoutes(Sessions sessions) {
    this.sessions = sessions;
  }

  public Route routes() {
    return path(PathMatchers.segment("api").slash("sessions").slash(PathMatchers.segment()), id -> get(() -> {
      if (!SessionIds.isValid(id)) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, "Invalid session id: " + SessionIds.describeRule()));
      }
      return onSuccess(sessions.status(id), view -> view.status() == InterviewSession.Status.NEW
          ? complete(Json.error(StatusCodes.NOT_FOUND, "Interview session " + id + " not found"))
          : complete(Json.response(StatusCodes.OK, view)));
    }));
  }
}
