package dev.candor.ai.speech.hosted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One hosted speech provider's HTTP: sends a request within a deadline and turns every way it can fail into
 * the {@link SpeechException} kind the session's workers act on (retry later, or give up). No retries here:
 * the workers retry with backoff behind a circuit breaker, and a second layer of retries would multiply theirs.
 */
final class ProviderHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A 2xx answer, body read in full. */
  record Reply(String contentType, byte[] body) {}

  private static final int MAX_REASON_CHARS = 300;

  private final String base;
  private final String provider;
  private final String apiKey;
  private final Duration requestTimeout;
  private final Clock clock;
  private final HttpClient client;

  /**
   * @param baseUrl where the provider's paths start; its host names the provider in messages, since one
   *     adapter talks to OpenAI, Groq or a local server alike
   * @param apiKey kept only to scrub it from any text that could reach a log or a client
   */
  ProviderHttp(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.base = baseUrl.strip().replaceAll("/+$", "");
    URI uri = URI.create(base);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("A speech provider's base URL needs a host, was '" + baseUrl + "'");
    }
    this.provider = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    this.apiKey = apiKey == null ? "" : apiKey.strip();
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  /** A request for a path under the base URL. */
  HttpRequest.Builder request(String pathAndQuery) {
    URI uri = URI.create(base + pathAndQuery);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // Plain http means a local server (LocalAI, speaches); an h2c upgrade offer on a 25 MB upload buys nothing.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    return builder;
  }

  /**
   * Sends and waits at most the request timeout for the whole answer, body included: the client's own
   * {@code HttpRequest.timeout} stops counting once the headers arrive, and a provider that stalls mid-body
   * would otherwise hold a blocking-dispatcher thread indefinitely.
   */
  Reply send(HttpRequest request) throws SpeechException {
    CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new SpeechException(Kind.TIMEOUT,
          provider + " did not answer within " + requestTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new SpeechException(Kind.TIMEOUT, "Stopped waiting for " + provider + ": the call was interrupted", e);
    } catch (ExecutionException e) {
      throw unreachable(e.getCause());
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Reply(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
    throw refused(status, response);
  }

  private SpeechException unreachable(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new SpeechException(Kind.PROVIDER_UNAVAILABLE, provider + " did not accept a connection in time", cause);
    }
    String detail = cause instanceof IOException && cause.getMessage() != null ? ": " + scrub(cause.getMessage()) : "";
    return new SpeechException(Kind.PROVIDER_UNAVAILABLE, provider + " could not be reached ("
        + (cause == null ? "unknown cause" : cause.getClass().getSimpleName()) + ")" + detail, cause);
  }

  private SpeechException refused(int status, HttpResponse<byte[]> response) {
    String reason = reason(response.body()).map(r -> ": " + scrub(r)).orElse("");
    if (status == 429) {
      Duration wait = response.headers().firstValue("Retry-After").map(v -> retryAfter(v, clock)).orElse(null);
      return new SpeechException(Kind.RATE_LIMITED, provider + " is rate limiting requests (HTTP 429)" + reason, wait, null);
    }
    if (status == 408) {
      return new SpeechException(Kind.TIMEOUT, provider + " gave up waiting for the request (HTTP 408)" + reason);
    }
    if (status >= 500) {
      return new SpeechException(Kind.PROVIDER_UNAVAILABLE, provider + " failed (HTTP " + status + ")" + reason);
    }
    return new SpeechException(Kind.PROVIDER_REJECTED, provider + " refused the request (HTTP " + status + ")" + reason);
  }

  /** The answer as a JSON object; anything else is not the provider's documented format. */
  JsonNode json(Reply reply) throws SpeechException {
    try {
      JsonNode root = JSON.readTree(reply.body());
      if (root == null || !root.isObject()) {
        throw new SpeechException(Kind.INVALID_RESPONSE, provider + " answered with JSON that is not an object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new SpeechException(Kind.INVALID_RESPONSE, provider + " answered with malformed JSON", e);
    } catch (IOException e) {
      throw new SpeechException(Kind.INVALID_RESPONSE, provider + " answered with an unreadable body", e);
    }
  }

  /**
   * The answer as audio. A provider's own audio/* type is kept (a local server may send WAV although MP3 was
   * asked for, and the client must be told); an untyped body must at least look like audio.
   */
  SpeechAudio audio(Reply reply) throws SpeechException {
    byte[] body = reply.body();
    if (body.length == 0) {
      throw new SpeechException(Kind.INVALID_RESPONSE, provider + " answered without any audio");
    }
    String type = reply.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.startsWith("audio/")) {
      return new SpeechAudio(body, type);
    }
    if (type.isEmpty() || type.equals("application/octet-stream")) {
      Optional<AudioContainer> sniffed = AudioContainer.sniff(body);
      if (sniffed.isPresent()) {
        return new SpeechAudio(body, sniffed.get().mimeType());
      }
    }
    throw new SpeechException(Kind.INVALID_RESPONSE, provider + " answered with "
        + (type.isEmpty() ? "an untyped body" : type) + " where audio was expected"
        + reason(body).map(r -> ": " + scrub(r)).orElse(""));
  }

  /** The message a provider put in its error body: OpenAI's, ElevenLabs', FastAPI's, or short plain text. */
  static Optional<String> reason(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode root = JSON.readTree(text);
      if (root != null && root.isObject()) {
        return firstText(root.path("error").path("message"), root.path("error"), root.path("detail").path("message"),
            root.path("detail"), root.path("detail").path(0).path("msg"), root.path("message")).map(ProviderHttp::trim);
      }
    } catch (JsonProcessingException notJson) {
      // Proxies and some local servers answer errors in plain text or HTML.
    }
    return text.isEmpty() || text.startsWith("<") ? Optional.empty() : Optional.of(trim(text));
  }

  private static Optional<String> firstText(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      if (candidate.isTextual() && !candidate.asText().isBlank()) {
        return Optional.of(candidate.asText());
      }
    }
    return Optional.empty();
  }

  private static String trim(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_REASON_CHARS ? oneLine : oneLine.substring(0, MAX_REASON_CHARS) + "…";
  }

  /** Providers echo keys back (OpenAI's 401 names the key it got); none may reach a message. */
  String scrub(String text) {
    return apiKey.isEmpty() ? text : text.replace(apiKey, "[api key]");
  }

  /** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when it is neither. */
  static Duration retryAfter(String value, Clock clock) {
    String v = value.strip();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** The seeds say "female" or "male"; anything else is already a provider's voice name or id. */
  static String seedVoice(String voice, String female, String male) {
    String v = voice == null ? "" : voice.strip();
    if (v.isEmpty() || v.equalsIgnoreCase("female")) {
      return female;
    }
    return v.equalsIgnoreCase("male") ? male : v;
  }
}
