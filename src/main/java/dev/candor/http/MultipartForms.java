package dev.candor.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.Multipart;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.Materializer;

/** Reads a multipart form whole, bounded in size, for every contract that takes uploads. */
public final class MultipartForms extends AllDirectives {

  /** One part of a form; {@code filename} is null for a plain field. */
  public record Part(String filename, String contentType, byte[] bytes) {

    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final Materializer materializer;

  public MultipartForms(ActorSystem<?> system) {
    this.materializer = Materializer.matFromSystem(system);
  }

  /**
   * The form's parts by name (the first of a repeated name), the whole body bounded by {@code limit}. A body over it
   * gets {@code tooLarge}, whether it says its length up front (a rejection) or only runs over while it is read.
   *
   * @param readTimeout how long the client may take to send the whole body
   */
  public Route form(long limit, Duration readTimeout, Supplier<HttpResponse> tooLarge, Function<Map<String, Part>, Route> inner) {
    RejectionHandler oversize = RejectionHandler.newBuilder()
        .handle(MalformedRequestContentRejection.class, rejection -> rejection.getCause() instanceof EntityStreamSizeException
            ? complete(tooLarge.get())
            : reject(rejection))
        .build();
    ExceptionHandler overlong = ExceptionHandler.newBuilder()
        .match(EntityStreamSizeException.class, e -> complete(tooLarge.get()))
        .build();
    return handleExceptions(overlong, () -> handleRejections(oversize, () -> withSizeLimit(limit, () ->
        entity(Unmarshaller.entityToMultipartFormData(), form ->
            onSuccess(form.toStrict(readTimeout.toMillis(), materializer), strict -> {
              Map<String, Part> parts = new HashMap<>();
              for (Multipart.FormData.BodyPart.Strict part : strict.getStrictParts()) {
                parts.putIfAbsent(part.getName(), new Part(part.getFilename().orElse(null),
                    part.getEntity().getContentType().toString(), part.getEntity().getData().toArray()));
              }
              return inner.apply(parts);
            })))));
  }
}
