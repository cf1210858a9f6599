package dev.candor.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi.yaml} against the routes, both ways: every documented operation is answered by a route (not by the
 * "no such resource" or "method not allowed" rejections), every method a documented path does not list is refused,
 * and every path segment the route code names appears in the document. Swagger UI is served at {@code /docs}.
 */
class OpenApiTest {

  private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");
  private static final String NO_ROUTE = "The requested resource could not be found";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Candor server;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.node("candor.speech.tts-provider = none\ncandor.speech.stt-provider = none");
    HttpJson.Response yaml = new HttpJson(server.httpPort()).get("/openapi.yaml");
    assertEquals(200, yaml.status());
    assertTrue(yaml.contentType().startsWith("application/yaml"), yaml.contentType());
    document = new ObjectMapper(new YAMLFactory()).readTree(yaml.raw());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .header("Content-Type", "application/json")
        .method(method.toUpperCase(java.util.Locale.ROOT), method.equals("get") || method.equals("delete")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static boolean refusedByTheRouter(HttpResponse<String> response) {
    return response.statusCode() == 405 || response.statusCode() == 404 && response.body().contains(NO_ROUTE);
  }

  @Test
  void everyDocumentedOperationIsAnsweredAndNoOtherMethodIs() throws Exception {
    assertTrue(document.path("openapi").asText().startsWith("3."), "an OpenAPI 3 document");
    List<String> problems = new ArrayList<>();
    var paths = document.path("paths").fields();
    int operations = 0;
    while (paths.hasNext()) {
      var entry = paths.next();
      // A path parameter becomes its documented example, else a UUID-shaped id no interview has.
      String concrete = entry.getKey();
      for (JsonNode operation : entry.getValue()) {
        for (JsonNode parameter : operation.path("parameters")) {
          if (parameter.has("example")) {
            concrete = concrete.replace("{" + parameter.path("name").asText() + "}", parameter.path("example").asText());
          }
        }
      }
      concrete = concrete.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
      for (String method : METHODS) {
        HttpResponse<String> response = send(method, concrete);
        boolean documented = entry.getValue().has(method);
        operations += documented ? 1 : 0;
        if (documented && refusedByTheRouter(response)) {
          problems.add(method.toUpperCase(java.util.Locale.ROOT) + " " + entry.getKey() + " is documented but no route"
              + " answers it: " + response.statusCode() + " " + response.body());
        } else if (!documented && !refusedByTheRouter(response) && !documentedElsewhere(method, entry.getKey())) {
          problems.add(method.toUpperCase(java.util.Locale.ROOT) + " " + entry.getKey() + " is answered ("
              + response.statusCode() + ") but not documented");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(operations >= 55, "every route of five contracts and Candor's own: " + operations);
  }

  /** Another documented template with this method covers the path: GET /session/start is GET /session/{id}. */
  private static boolean documentedElsewhere(String method, String path) {
    var paths = document.path("paths").fields();
    while (paths.hasNext()) {
      var entry = paths.next();
      String template = "\\Q" + entry.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
      if (!entry.getKey().equals(path) && entry.getValue().has(method) && path.matches(template)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void everyPathSegmentTheRoutesNameIsInTheDocument() throws Exception {
    Set<String> documented = new TreeSet<>();
    document.path("paths").fieldNames().forEachRemaining(p -> documented.addAll(List.of(p.split("/"))));
    // path("x") and pathPrefix("x") as directives (not JsonNode.path), PathMatchers.segment("x"), segments("a", "b").
    Pattern directive = Pattern.compile("(?<![.\\w])(?:path|pathPrefix)\\(\"([^\"]+)\"|segment\\(\"([^\"]+)\"\\)");
    Pattern segments = Pattern.compile("segments\\(([^)]*)\\)");
    Pattern quoted = Pattern.compile("\"([^\"]+)\"");
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/candor/http"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        if (code.contains("implements ManagementRouteProvider")) {
          // Served on the management port (/metrics), for operators; the document describes the contracts' port.
          continue;
        }
        Matcher m = directive.matcher(code);
        while (m.find()) {
          named.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Matcher s = segments.matcher(code);
        while (s.find()) {
          Matcher q = quoted.matcher(s.group(1));
          while (q.find()) {
            named.add(q.group(1));
          }
        }
      }
    }
    assertTrue(named.size() > 30, "the scan found the routes: " + named);
    named.removeAll(documented);
    assertTrue(named.isEmpty(), "path segments in the routes that the document never names: " + named);
  }

  @Test
  void swaggerUiShowsTheDocument() throws Exception {
    HttpJson http = new HttpJson(server.httpPort());
    HttpJson.Response page = http.get("/docs");
    assertEquals(200, page.status());
    assertTrue(page.raw().contains("/docs/swagger-ui-bundle.js"), page.raw());
    assertEquals(200, http.get("/docs/swagger-ui-bundle.js").status());
    assertEquals(200, http.get("/docs/swagger-ui.css").status());
    assertTrue(http.get("/app/docs.js").raw().contains("/openapi.yaml"));
  }
}
