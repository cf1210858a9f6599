package dev.candor.http.rest;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.webjars.WebJarVersionLocator;

/**
 * Candor's own web app: {@code /} is its page, {@code /shared/{token}} the same page showing a shared report read-only,
 * {@code /app/...} its scripts and styles (static files in the jar, {@code web/}), {@code /vendor/chart.js} the chart
 * library from its WebJar. The app holds no interview logic: it
 * speaks seed 000's events on {@code /ws/app} and the REST routes every client uses.
 */
public final class WebAppRoutes extends AllDirectives {

  private static final String CHART_JS = new WebJarVersionLocator().fullPath("chart.js", "dist/chart.umd.min.js");

  public Route routes() {
    // Compressed when the browser accepts it: Chart.js alone is 204 KB as it is, about a third of that gzipped.
    return get(() -> encodeResponse(() -> concat(
        pathSingleSlash(() -> getFromResource("web/index.html", ContentTypes.TEXT_HTML_UTF8)),
        path(PathMatchers.segment("shared").slash(PathMatchers.segment()),
            token -> getFromResource("web/index.html", ContentTypes.TEXT_HTML_UTF8)),
        pathPrefix("app", () -> getFromResourceDirectory("web")),
        path(PathMatchers.segment("vendor").slash("chart.js"), () -> getFromResource(CHART_JS)))));
  }
}
