package dev.candor.http.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.BadRequest;
import dev.candor.http.Failures;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.auth.Accounts;
import dev.candor.http.auth.Bearer;
import dev.candor.store.EmailTakenException;
import dev.candor.store.UserRecord;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Seed 000's accounts: {@code POST /api/auth/signup}, {@code POST /api/auth/signin} (JSON, or the form NextAuth's
 * credentials provider posts) and {@code GET /api/auth/me} with a bearer token. Bodies are
 * {@code {success, message, ...}}, as the seed's Next.js routes answer.
 */
public final class AuthRoutes extends JsonRoutes {

  private static final String BAD_CREDENTIALS = "Invalid email or password";

  private final Accounts accounts;

  public AuthRoutes(ActorSystem<?> system, long maxBodyBytes, Accounts accounts) {
    super(system, maxBodyBytes);
    this.accounts = accounts;
  }

  public Route routes() {
    return pathPrefix(PathMatchers.segment("api").slash("auth"), () -> concat(
        path("signup", () -> post(() -> jsonOrFormBody(this::signUp))),
        path("signin", () -> post(() -> jsonOrFormBody(this::signIn))),
        path("me", () -> get(this::me))));
  }

  private Route signUp(JsonNode body) {
    Fields fields = Fields.of(body, "The request");
    String email = fields.optionalText("email");
    String password = fields.optionalText("password");
    String name = fields.optionalText("name");
    return onComplete(hashing(() -> accounts.signUp(email, password, name)), result -> {
      if (result.isSuccess()) {
        return json(StatusCodes.CREATED, Json.object().put("success", true).put("message", "Account created")
            .put("userId", result.get().id()));
      }
      Throwable cause = Failures.cause(result.failed().get());
      if (cause instanceof BadRequest) {
        return failure(StatusCodes.BAD_REQUEST, cause.getMessage());
      }
      if (cause instanceof EmailTakenException) {
        return failure(StatusCodes.CONFLICT, cause.getMessage() + "; sign in instead");
      }
      return failWith(cause);
    });
  }

  private Route signIn(JsonNode body) {
    Fields fields = Fields.of(body, "The request");
    String email = fields.optionalText("email");
    String password = fields.optionalText("password");
    if (email == null || email.isBlank() || password == null || password.isEmpty()) {
      return failure(StatusCodes.BAD_REQUEST, "email and password are required");
    }
    return onSuccess(hashing(() -> accounts.signIn(email, password)), signedIn -> signedIn
        .<Route>map(s -> json(StatusCodes.OK, Json.object()
            .put("success", true)
            .put("token", s.token())
            .put("tokenType", "Bearer")
            .put("expiresIn", accounts.tokens().lifetime().toSeconds())
            .set("user", user(s.user()))))
        .orElseGet(() -> complete(Bearer.unauthorized(BAD_CREDENTIALS))));
  }

  private Route me() {
    return extractRequest(request -> Bearer.token(request)
        .<Route>map(token -> onSuccess(blocking(() -> accounts.user(token)), user -> user
            .<Route>map(u -> json(StatusCodes.OK, Json.object().put("success", true).set("user", user(u))))
            .orElseGet(() -> complete(Bearer.unauthorized("The token is invalid or expired; sign in again")))))
        .orElseGet(() -> complete(Bearer.unauthorized("Send the token from /api/auth/signin as Authorization: Bearer <token>"))));
  }

  private static ObjectNode user(UserRecord user) {
    return Json.object().put("id", user.id()).put("name", user.name()).put("email", user.email());
  }

  private Route failure(StatusCode status, String message) {
    return json(status, Json.object().put("success", false).put("message", message).put("detail", message));
  }
}
