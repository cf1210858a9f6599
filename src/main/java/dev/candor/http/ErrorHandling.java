package dev.candor.http;

import dev.candor.store.StoreException;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves the server as JSON with a reason, including Pekko HTTP's own rejections. */
public final class ErrorHandling extends AllDirectives {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  public Route wrap(Route routes) {
    ExceptionHandler exceptions = ExceptionHandler.newBuilder()
        .matchAny(e -> complete(toResponse(Failures.cause(e))))
        .build();
    return handleExceptions(exceptions, () -> handleRejections(rejections(), () -> routes));
  }

  private static HttpResponse toResponse(Throwable e) {
    if (e instanceof BadRequest) {
      return Json.error(StatusCodes.BAD_REQUEST, e.getMessage());
    }
    if (e instanceof EntityStreamSizeException size) {
      return Json.error(StatusCodes.CONTENT_TOO_LARGE, "Request body too large: the limit is " + size.limit() + " bytes");
    }
    if (e instanceof StoreException) {
      log.error("Database failure", e);
      return Json.error(StatusCodes.SERVICE_UNAVAILABLE, e.getMessage());
    }
    log.error("Unhandled failure", e);
    return Json.error(StatusCodes.INTERNAL_SERVER_ERROR, "Internal error; the server log has the details");
  }

  private RejectionHandler rejections() {
    RejectionHandler tooLarge = RejectionHandler.newBuilder()
        .handle(MalformedRequestContentRejection.class, rejection -> rejection.getCause() instanceof EntityStreamSizeException size
            ? complete(toResponse(size))
            : reject(rejection))
        .build();
    return tooLarge.withFallback(RejectionHandler.defaultHandler()).mapRejectionResponse(response -> {
      if (response.entity() instanceof HttpEntity.Strict strict
          && !strict.getContentType().equals(ContentTypes.APPLICATION_JSON)) {
        return Json.error(response.status(), strict.getData().utf8String()).withHeaders(response.getHeaders());
      }
      return response;
    });
  }
}
