package dev.candor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client over loopback for JSON endpoints. */
public final class HttpJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public HttpJson(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public record Response(int status, JsonNode body, String raw, String contentType, java.net.http.HttpHeaders headers) {
    /** A response header's first value, or "" without one. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }
  }

  public Response get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A GET with extra headers, given as name, value, name, value... */
  public Response get(String path, String... headers) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).headers(headers).GET());
  }

  /** A POST of an HTML form's fields, URL-encoded as a browser (or NextAuth's credentials provider) sends them. */
  public Response postForm(String path, java.util.Map<String, String> fields) throws Exception {
    String body = fields.entrySet().stream()
        .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
            + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(java.util.stream.Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart/form-data POST with one file part, as a browser's FormData sends it. */
  public Response postFile(String path, String field, String fileName, String contentType, byte[] content) throws Exception {
    return postFileFrom(null, path, field, fileName, contentType, content);
  }

  /** The same from a page on {@code origin} (null: no Origin header, as from a server or a tool). */
  public Response postFileFrom(String origin, String path, String field, String fileName, String contentType, byte[] content)
      throws Exception {
    String boundary = "----candor" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return send(origin == null ? request : request.header("Origin", origin));
  }

  /** A multipart/form-data POST of text fields and, when {@code fileField} is not null, one file. */
  public Response postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String contentType,
      byte[] content) throws Exception {
    String boundary = "----candor" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (fileField != null) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.write(content);
      body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A POST with a content type and no body at all, as a fetch() with headers but no body sends it. */
  public Response postEmpty(String path, String contentType) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Starts a multipart upload that declares {@code declaredBytes} of file but sends only the first
   * {@code sentBytes} of it, then reads the answer over a raw socket. A server that checks the declared
   * length answers before the upload ends; a client that went on writing would race the server's close.
   */
  public Response startHugeUpload(String path, String field, String fileName, String contentType, long declaredBytes,
      int sentBytes) throws Exception {
    return startHugeUpload(path, field, fileName, contentType, declaredBytes, sentBytes, "");
  }

  /** The same with more request headers, each line ending in CRLF (an Authorization header, say). */
  public Response startHugeUpload(String path, String field, String fileName, String contentType, long declaredBytes,
      int sentBytes, String extraHeaders) throws Exception {
    String boundary = "----candor" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    URI uri = URI.create(base + path);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(20_000);
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
          + "\r\nContent-Length: " + (head.length + declaredBytes + tail.length) + "\r\n" + extraHeaders + "\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(head);
      out.write(new byte[sentBytes]);
      out.flush();
      java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
      String statusLine = readLine(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      int length = 0;
      String type = "";
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        String name = line.substring(0, line.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
        String value = line.substring(line.indexOf(':') + 1).trim();
        if (name.equals("content-length")) {
          length = Integer.parseInt(value);
        } else if (name.equals("content-type")) {
          type = value;
        }
      }
      byte[] body = new byte[length];
      in.readFully(body);
      String raw = new String(body, java.nio.charset.StandardCharsets.UTF_8);
      return new Response(status, MAPPER.readTree(raw), raw, type, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
    }
  }

  private static String readLine(java.io.DataInputStream in) throws java.io.IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new java.io.EOFException("The connection closed before the answer's headers ended");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private Response send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode json;
    try {
      json = MAPPER.readTree(response.body());
    } catch (Exception e) {
      json = null;
    }
    return new Response(response.statusCode(), json, response.body(),
        response.headers().firstValue("Content-Type").orElse(""), response.headers());
  }

  public static String json(Object value) throws Exception {
    return MAPPER.writeValueAsString(value);
  }
}
