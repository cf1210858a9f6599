package dev.candor.http.rest;

import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.webjars.WebJarVersionLocator;

/**
 * {@code GET /openapi.yaml}: the OpenAPI document of every HTTP route (written by hand, in the jar; a test holds it
 * against the routes), and Swagger UI on it at {@code /docs}, its files from the swagger-ui WebJar.
 */
public final class ApiDocsRoutes extends AllDirectives {

  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/"
      + new WebJarVersionLocator().version("swagger-ui");

  public Route routes() {
    return get(() -> encodeResponse(() -> concat(
        path("openapi.yaml", () -> getFromResource("openapi.yaml",
            MediaTypes.customWithFixedCharset("application", "yaml", HttpCharsets.UTF_8, Map.of(), false).toContentType())),
        path("docs", () -> getFromResource("web/docs.html", ContentTypes.TEXT_HTML_UTF8)),
        pathPrefix(PathMatchers.segment("docs"), () -> getFromResourceDirectory(SWAGGER_UI)))));
  }
}
