package dev.candor.http.auth;

import java.util.Locale;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import dev.candor.http.Json;

/** The {@code Authorization: Bearer <token>} header. */
public final class Bearer {

  private static final String SCHEME = "bearer ";

  private Bearer() {}

  public static Optional<String> token(HttpRequest request) {
    return request.getHeader("Authorization")
        .map(header -> header.value().strip())
        .filter(value -> value.toLowerCase(Locale.ROOT).startsWith(SCHEME))
        .map(value -> value.substring(SCHEME.length()).strip())
        .filter(token -> !token.isEmpty());
  }

  /** FastAPI's answer to a missing or bad bearer token (seed 003's contract reads {@code detail}). */
  public static HttpResponse unauthorizedDetail() {
    return Json.error(StatusCodes.UNAUTHORIZED, "Could not validate credentials")
        .addHeader(RawHeader.create("WWW-Authenticate", "Bearer"));
  }

  /** 401 with the challenge RFC 6750 asks for, and a reason a person can act on. */
  public static HttpResponse unauthorized(String message) {
    return Json.response(StatusCodes.UNAUTHORIZED, Json.object().put("success", false).put("message", message)
            .put("detail", message))
        .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"candor\""));
  }
}
