package dev.candor.ai.speech.hosted;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A provider on loopback that records every request and answers as a test tells it to. */
final class FakeProvider implements AutoCloseable {

  record Recorded(String method, String path, String query, Headers headers, byte[] body) {

    String header(String name) {
      return headers.getFirst(name);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** One part of a multipart/form-data body. */
  record Part(String name, String filename, String contentType, byte[] content) {

    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  /** Holds back the stalled answers until the test is over, so no handler outlives it. */
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Answer answer = exchange -> send(exchange, 500, "text/plain", "no answer set");

  FakeProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
        answer.answer(exchange);
      } catch (IOException clientLeft) {
        // the adapter gave up first (a timeout test), which is what that test wants
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl(String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  /** A base URL on a port where nothing listens. */
  static String closedBaseUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }
  }

  List<Recorded> requests() {
    return requests;
  }

  Recorded only() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests.size());
    }
    return requests.get(0);
  }

  void answer(Answer answer) {
    this.answer = answer;
  }

  void answer(int status, String contentType, String body, String... headerPairs) {
    answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), headerPairs);
  }

  void answer(int status, String contentType, byte[] body, String... headerPairs) {
    this.answer = exchange -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      send(exchange, status, contentType, body);
    };
  }

  /** Answers only once the test is over: longer than any timeout a test sets. */
  void stallBeforeHeaders() {
    this.answer = exchange -> {
      awaitRelease();
      send(exchange, 200, "application/json", "{\"text\":\"too late\"}");
    };
  }

  /** Sends the headers and the start of the body, then stalls until the test is over. */
  void stallMidBody(String contentType, byte[] start) {
    this.answer = exchange -> {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(start);
      out.flush();
      awaitRelease();
      out.close();
    };
  }

  private void awaitRelease() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().add("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Splits a multipart/form-data body by the boundary its Content-Type names. */
  static Map<String, Part> parts(Recorded request) {
    Matcher m = Pattern.compile("boundary=(\\S+)").matcher(request.header("Content-Type"));
    if (!m.find()) {
      throw new AssertionError("no boundary in " + request.header("Content-Type"));
    }
    byte[] delimiter = ("--" + m.group(1)).getBytes(StandardCharsets.US_ASCII);
    byte[] body = request.body();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i <= body.length - delimiter.length; i++) {
      if (regionMatches(body, i, delimiter)) {
        starts.add(i);
        i += delimiter.length - 1;
      }
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    for (int k = 0; k < starts.size() - 1; k++) {
      int from = starts.get(k) + delimiter.length + 2;
      int to = starts.get(k + 1) - 2;
      int headerEnd = indexOf(body, from, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String head = new String(body, from, headerEnd - from, StandardCharsets.UTF_8);
      byte[] content = java.util.Arrays.copyOfRange(body, headerEnd + 4, to);
      String name = group(head, "name=\"([^\"]*)\"");
      parts.put(name, new Part(name, group(head, "filename=\"([^\"]*)\""), group(head, "(?i)Content-Type: *(\\S+)"), content));
    }
    return parts;
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static int indexOf(byte[] body, int from, byte[] needle) {
    for (int i = from; i <= body.length - needle.length; i++) {
      if (regionMatches(body, i, needle)) {
        return i;
      }
    }
    throw new AssertionError("malformed multipart body");
  }

  private static boolean regionMatches(byte[] body, int at, byte[] needle) {
    for (int j = 0; j < needle.length; j++) {
      if (body[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
