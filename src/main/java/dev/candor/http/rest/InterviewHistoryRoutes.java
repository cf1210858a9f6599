package dev.candor.http.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * A signed-in user's interviews (seed 000's "results sync via user account"): {@code GET /api/interviews} lists them,
 * newest first, each with its results once complete; {@code GET /api/interviews/{id}} is one. Another user's interview
 * is a 404, as if it did not exist. The interviews themselves come from their sessions; the owners table only says whose.
 */
public final class InterviewHistoryRoutes extends JsonRoutes {

  private static final int DEFAULT_PAGE = 20;
  /** Each listed interview is read from its session: a page is bounded so a long history costs a bounded read. */
  private static final int MAX_PAGE = 100;

  private final Tokens tokens;
  private final InterviewOwners owners;
  private final Sessions sessions;

  public InterviewHistoryRoutes(ActorSystem<?> system, Tokens tokens, InterviewOwners owners, Sessions sessions) {
    super(system, 0);
    this.tokens = tokens;
    this.owners = owners;
    this.sessions = sessions;
  }

  public Route routes() {
    return pathPrefix(PathMatchers.segment("api").slash("interviews"), () -> get(() -> concat(
        pathEndOrSingleSlash(() -> signedIn(userId -> parameterOptional("limit", limit -> parameterOptional("offset",
            offset -> list(userId, pageParameter("limit", limit, DEFAULT_PAGE, 1, MAX_PAGE),
                pageParameter("offset", offset, 0, 0, Integer.MAX_VALUE)))))),
        path(PathMatchers.segment(), id -> signedIn(userId -> one(userId, id))))));
  }

  private Route signedIn(Function<String, Route> inner) {
    return extractRequest(request -> {
      Optional<String> token = Bearer.token(request);
      if (token.isEmpty()) {
        return complete(Bearer.unauthorized("Send the token from /api/auth/signin as Authorization: Bearer <token>"));
      }
      return tokens.userId(token.get()).<Route>map(inner)
          .orElseGet(() -> complete(Bearer.unauthorized("The token is invalid or expired; sign in again")));
    });
  }

  private Route list(String userId, int limit, int offset) {
    return onSuccess(blocking(() -> owners.list(userId, limit, offset)).thenCompose(this::views), views -> {
      ArrayNode items = Json.MAPPER.createArrayNode();
      for (Listed listed : views) {
        if (listed.view() == null) {
          // One session that does not answer (its shard is moving) must not hide the others.
          items.add(Json.object().put("id", listed.owned().sessionId()).put("status", "unavailable")
              .put("startedAt", iso(listed.owned().createdAt())));
        } else if (listed.view().status() != InterviewSession.Status.NEW) {
          items.add(interview(listed.view()));
        }
      }
      ObjectNode body = Json.object().put("success", true);
      body.set("interviews", items);
      return json(StatusCodes.OK, body.put("limit", limit).put("offset", offset));
    });
  }

  /** @param view null when the session did not answer */
  private record Listed(InterviewOwners.Owned owned, SessionView view) {}

  private CompletionStage<List<Listed>> views(List<InterviewOwners.Owned> owned) {
    return sessions.statuses(owned.stream().map(InterviewOwners.Owned::sessionId).toList())
        .thenApply(views -> IntStream.range(0, owned.size())
            .mapToObj(i -> new Listed(owned.get(i), views.get(i).orElse(null))).toList());
  }

  private Route one(String userId, String id) {
    Route notFound = complete(Json.error(StatusCodes.NOT_FOUND, "You have no interview " + id));
    if (!SessionIds.isValid(id)) {
      return notFound;
    }
    return onSuccess(blocking(() -> owners.ownerOf(id)), owner -> owner.filter(userId::equals).isEmpty()
        ? notFound
        : onSuccess(sessions.status(id), view -> view.status() == InterviewSession.Status.NEW
            ? notFound
            : json(StatusCodes.OK, interview(view).put("success", true))));
  }

  private static ObjectNode interview(SessionView view) {
    ObjectNode item = Json.object()
        .put("id", view.sessionId())
        .put("status", view.status().name().toLowerCase(Locale.ROOT))
        .put("jobTitle", view.jobTitle())
        .put("company", view.company())
        .put("startedAt", iso(view.startedAt()))
        .put("endedAt", iso(view.endedAt()))
        .put("totalQuestions", view.questions().size())
        .put("questionsAnswered", view.answersRecorded());
    if (view.report() == null) {
      item.putNull("overallScore").putNull("results");
    } else {
      item.put("overallScore", view.report().overallScore());
      item.set("results", InterviewBotMessages.interviewComplete(view.report(), view.questions()));
    }
    return item;
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
