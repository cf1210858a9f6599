package dev.candor.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The node's one CORS policy, around every route: a browser page from an allowed origin may call any endpoint,
 * with credentials, and its preflight is answered at once (no redirect, whatever the path). Other origins get
 * no CORS headers, so their browsers keep the answers from the page; same-origin and non-browser clients are
 * not affected.
 *
 * @param allowedOrigins exact origins ("http://localhost:3000"), or "*" for any
 */
public record Cors(List<String> allowedOrigins) {

  private static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  private static final String MAX_AGE_SECONDS = "600";
  private static final Directives DIRECTIVES = new Directives();

  public Cors {
    allowedOrigins = allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty())
        .map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  /** {@code CORS_ALLOWED_ORIGINS}: comma-separated. */
  public static Cors parse(String commaSeparated) {
    return new Cors(List.of(commaSeparated.split(",")));
  }

  public boolean allows(String origin) {
    return allowedOrigins.contains("*") || allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
  }

  public Route wrap(Route inner) {
    return DIRECTIVES.optionalHeaderValueByName("Origin", origin -> {
      if (origin.isEmpty() || !allows(origin.get())) {
        return inner;
      }
      List<HttpHeader> allow = List.of(
          RawHeader.create("Access-Control-Allow-Origin", origin.get()),
          RawHeader.create("Access-Control-Allow-Credentials", "true"),
          RawHeader.create("Vary", "Origin"));
      return DIRECTIVES.extractRequest(request -> {
        Optional<HttpHeader> preflight = request.getHeader("Access-Control-Request-Method");
        if (request.method().equals(HttpMethods.OPTIONS) && preflight.isPresent()) {
          String headers = request.getHeader("Access-Control-Request-Headers").map(HttpHeader::value).orElse("");
          HttpResponse response = HttpResponse.create().withStatus(StatusCodes.NO_CONTENT).addHeaders(allow)
              .addHeader(RawHeader.create("Access-Control-Allow-Methods", METHODS))
              .addHeader(RawHeader.create("Access-Control-Max-Age", MAX_AGE_SECONDS));
          return DIRECTIVES.complete(headers.isBlank() ? response
              : response.addHeader(RawHeader.create("Access-Control-Allow-Headers", headers)));
        }
        return DIRECTIVES.respondWithHeaders(allow, () -> inner);
      });
    });
  }

  private static final class Directives extends AllDirectives {}
}
