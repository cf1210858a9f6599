package dev.candor.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/** What JSON route classes share: bounded bodies parsed with clear errors, and blocking work kept off the HTTP threads. */
public abstract class JsonRoutes extends AllDirectives {

  private final Executor blocking;
  private final long maxBodyBytes;

  protected JsonRoutes(ActorSystem<?> system, long maxBodyBytes) {
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The request body as JSON; malformed or oversize bodies are answered with 400 / 413 and a reason. */
  protected Route jsonBody(Function<JsonNode, Route> inner) {
    return withSizeLimit(maxBodyBytes, () -> entity(Unmarshaller.entityToString(), body -> {
      try {
        return inner.apply(Json.parse(body));
      } catch (Json.InvalidJsonException e) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, e.getMessage()));
      } catch (BadRequest e) {
        return complete(Json.error(StatusCodes.BAD_REQUEST, e.getMessage()));
      }
    }));
  }

  protected <T> CompletionStage<T> blocking(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, blocking);
  }

  protected Route json(StatusCode status, Object body) {
    return complete(Json.response(status, body));
  }
}
