package dev.candor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** What JSON route classes share: bounded bodies parsed with clear errors, and blocking work kept off the HTTP threads. */
public abstract class JsonRoutes extends AllDirectives {

  private final Executor blocking;
  private final Executor hashing;
  private final long maxBodyBytes;

  protected JsonRoutes(ActorSystem<?> system, long maxBodyBytes) {
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    this.hashing = system.dispatchers().lookup(DispatcherSelector.fromConfig("candor-auth-dispatcher"));
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The request body as JSON; malformed or oversize bodies are answered with 400 / 413 and a reason. */
  protected Route jsonBody(Function<JsonNode, Route> inner) {
    return body(Json::parse, inner);
  }

  /**
   * A JSON body, or an HTML form's fields ({@code application/x-www-form-urlencoded}, what sign-in forms post) as a
   * JSON object of strings.
   */
  protected Route jsonOrFormBody(Function<JsonNode, Route> inner) {
    return extractRequestEntity(entity -> entity.getContentType().mediaType().equals(MediaTypes.APPLICATION_X_WWW_FORM_URLENCODED)
        ? body(JsonRoutes::formFields, inner)
        : body(Json::parse, inner));
  }

  private interface BodyParser {
    JsonNode parse(String body) throws Json.InvalidJsonException;
  }

  private Route body(BodyParser parser, Function<JsonNode, Route> inner) {
    return withSizeLimit(maxBodyBytes, () -> entity(Unmarshaller.entityToString(), body -> {
      try {
        return inner.apply(parser.parse(body));
      } catch (Json.InvalidJsonException e) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, e.getMessage()));
      } catch (BadRequest e) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, e.getMessage()));
      }
    }));
  }

  private static JsonNode formFields(String body) {
    ObjectNode fields = Json.object();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new BadRequest("The form body is not URL-encoded: " + e.getMessage());
      }
    }
    return fields;
  }

  protected <T> CompletionStage<T> blocking(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, blocking);
  }

  /** Work that hashes passwords, on the dispatcher kept for it (see candor-auth-dispatcher). */
  protected <T> CompletionStage<T> hashing(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, hashing);
  }

  protected Route json(StatusCode status, Object body) {
    return complete(Json.response(status, body));
  }

  /** A paging parameter ({@code limit}, {@code offset}): absent is the fallback, out of range a {@link BadRequest}. */
  protected static int pageParameter(String name, Optional<String> raw, int fallback, int min, int max) {
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value < min || value > max) {
        throw new BadRequest(name + " must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequest(name + " must be a whole number");
    }
  }
}
