package dev.candor.ai.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A chat provider on loopback that records every request and plays back the answers a test queued, one per
 * request, in the provider's real wire format.
 */
public final class FakeChatServer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  record Recorded(String method, String path, Headers headers, String body) {

    String header(String name) {
      return headers.getFirst(name);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("the request body is not JSON: " + body, e);
      }
    }
  }

  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();
  /** Holds stalled answers until the test is over, so that none outlives it. */
  private final CountDownLatch released = new CountDownLatch(1);

  public FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            exchange.getRequestHeaders(), body));
        Answer next;
        synchronized (answers) {
          next = answers.isEmpty() ? e -> send(e, 500, "text/plain", "no answer queued") : answers.poll();
        }
        next.answer(exchange);
      } catch (IOException clientLeft) {
        // the adapter gave up first (a timeout test), which is what that test wants
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  public String url(String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  List<Recorded> requests() {
    return requests;
  }

  FakeChatServer then(Answer answer) {
    synchronized (answers) {
      answers.add(answer);
    }
    return this;
  }

  FakeChatServer then(int status, String contentType, String body, String... headerPairs) {
    return then(exchange -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      send(exchange, status, contentType, body);
    });
  }

  /** An OpenAI chat completion whose message content is {@code content}. */
  public FakeChatServer openAi(String content) {
    ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
        .put("created", 1_700_000_000).put("model", "gpt-test");
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
    return then(200, "application/json", body.toString());
  }

  /** An Anthropic message whose one text block is {@code content}. */
  FakeChatServer anthropic(String content) {
    ObjectNode body = JSON.createObjectNode().put("id", "msg_1").put("type", "message").put("role", "assistant")
        .put("model", "claude-test").put("stop_reason", "end_turn");
    body.putArray("content").addObject().put("type", "text").put("text", content);
    body.putObject("usage").put("input_tokens", 10).put("output_tokens", 10);
    return then(200, "application/json", body.toString());
  }

  /** An Ollama /api/chat reply, not streamed. */
  FakeChatServer ollama(String content) {
    ObjectNode body = JSON.createObjectNode().put("model", "llama-test").put("created_at", "2025-01-01T00:00:00Z")
        .put("done", true).put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 10);
    body.putObject("message").put("role", "assistant").put("content", content);
    return then(200, "application/json", body.toString());
  }

  /** Answers only once the test is over: longer than any timeout a test sets. */
  FakeChatServer stall() {
    return then(exchange -> {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(exchange, 200, "application/json", "{}");
    });
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
