package dev.candor.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.BadRequest;
import dev.candor.http.Failures;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.auth.Accounts;
import dev.candor.http.auth.Bearer;
import dev.candor.store.EmailTakenException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 003's accounts, on the same users and tokens as seed 000's: {@code POST /auth/register} and
 * {@code POST /auth/login} answer {@code {access_token}}, {@code GET /auth/me} the user with role "candidate".
 * Errors are FastAPI's {@code {detail}}; bad credentials are a 400, as the seed says, and an Authorization header
 * sent along (the frontend sends its stale token on every request) is ignored on these two.
 */
public final class LifecycleAuthRoutes extends JsonRoutes {

  private static final String ROLE = "candidate";

  private final Accounts accounts;

  public LifecycleAuthRoutes(ActorSystem<?> system, long maxBodyBytes, Accounts accounts) {
    super(system, maxBodyBytes);
    this.accounts = accounts;
  }

  public Route routes() {
    return pathPrefix("auth", () -> concat(
        path("register", () -> post(() -> jsonBody(this::register))),
        path("login", () -> post(() -> jsonBody(this::login))),
        path("me", () -> get(this::me))));
  }

  private Route register(JsonNode body) {
    Fields fields = Fields.of(body, "The request");
    String name = fields.optionalText("name");
    String email = fields.optionalText("email");
    String password = fields.optionalText("password");
    return onComplete(hashing(() -> accounts.tokens().issue(accounts.signUp(email, password, name))), result -> {
      if (result.isSuccess()) {
        return json(StatusCodes.OK, Json.object().put("access_token", result.get()).put("token_type", "bearer"));
      }
      Throwable cause = Failures.cause(result.failed().get());
      if (cause instanceof BadRequest) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, cause.getMessage()));
      }
      if (cause instanceof EmailTakenException) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, "Email already registered"));
      }
      return failWith(cause);
    });
  }

  private Route login(JsonNode body) {
    Fields fields = Fields.of(body, "The request");
    String email = fields.optionalText("email");
    String password = fields.optionalText("password");
    return onSuccess(hashing(() -> accounts.signIn(email, password)), signedIn -> signedIn
        .<Route>map(s -> json(StatusCodes.OK, Json.object().put("access_token", s.token()).put("token_type", "bearer")))
        .orElseGet(() -> complete(Json.error(StatusCodes.BAD_REQUEST, "Invalid credentials"))));
  }

  private Route me() {
    return extractRequest(request -> Bearer.token(request)
        .<Route>map(token -> onSuccess(blocking(() -> accounts.user(token)), user -> user
            .<Route>map(u -> json(StatusCodes.OK, Json.object().put("id", u.id()).put("name", u.name())
                .put("email", u.email()).put("role", ROLE)))
            .orElseGet(() -> unauthorized())))
        .orElseGet(this::unauthorized));
  }

  private Route unauthorized() {
    return complete(Bearer.unauthorizedDetail());
  }

}
