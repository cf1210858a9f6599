package dev.candor.http.ws.socketio;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;

/**
 * One Engine.IO long-polling request, handed to the library through the few servlet methods it calls (a servlet
 * container would be a second HTTP server for two methods). A GET the library holds open ("async") is answered
 * when the library completes it, from whichever thread sends; anything else is answered when it returns.
 */
final class PollingExchange {

  private final HttpRequest request;
  private final byte[] body;
  private final Map<String, Object> attributes = new HashMap<>();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(written, StandardCharsets.UTF_8));
  private final List<HttpHeader> headers = new ArrayList<>();
  private final CompletableFuture<HttpResponse> response = new CompletableFuture<>();
  private int status = 200;
  private String contentType;
  private boolean async;

  PollingExchange(HttpRequest request, byte[] body) {
    this.request = request;
    this.body = body;
  }

  CompletionStage<HttpResponse> handle(EngineIoServer engine) throws IOException {
    HttpServletRequest servletRequest = proxy(HttpServletRequest.class, this::onRequest);
    engine.handleRequest(servletRequest, proxy(HttpServletResponse.class, this::onResponse));
    synchronized (this) {
      if (!async) {
        finish();
      }
    }
    return response;
  }

  private synchronized void finish() {
    if (response.isDone()) {
      return;
    }
    writer.flush();
    ContentType type = contentType == null ? ContentTypes.TEXT_PLAIN_UTF8
        : ContentTypes.parse(contentType.toLowerCase(Locale.ROOT).contains("charset") || !contentType.startsWith("text/")
            ? contentType : contentType + "; charset=UTF-8");
    response.complete(HttpResponse.create().withStatus(status).addHeaders(headers)
        .withEntity(HttpEntities.create(type, written.toByteArray())));
  }

  private Object onRequest(Method method, Object[] args) {
    return switch (method.getName()) {
      case "getQueryString" -> request.getUri().rawQueryString().orElse(null);
      case "getMethod" -> request.method().value();
      case "getAttribute" -> attributes.get((String) args[0]);
      case "setAttribute" -> attributes.put((String) args[0], args[1]);
      case "getHeader" -> request.getHeader((String) args[0]).map(HttpHeader::value).orElse(null);
      case "getHeaders" -> Collections.enumeration(headerValues((String) args[0]));
      case "getHeaderNames" -> Collections.enumeration(headerNames());
      case "isAsyncSupported" -> true;
      case "isAsyncStarted" -> isAsync();
      case "startAsync", "getAsyncContext" -> startAsync();
      case "getContentLength" -> body.length;
      case "getInputStream" -> new BodyStream(body);
      default -> unsupported(method);
    };
  }

  private Object onResponse(Method method, Object[] args) {
    synchronized (this) {
      return switch (method.getName()) {
        case "setStatus" -> {
          status = (Integer) args[0];
          yield null;
        }
        case "addHeader", "setHeader" -> {
          headers.add(RawHeader.create((String) args[0], (String) args[1]));
          yield null;
        }
        case "setContentType" -> {
          contentType = (String) args[0];
          yield null;
        }
        case "setCharacterEncoding", "setContentLength" -> null;
        case "getWriter" -> writer;
        case "getOutputStream" -> new ResponseStream(written);
        default -> unsupported(method);
      };
    }
  }

  private synchronized boolean isAsync() {
    return async;
  }

  private synchronized AsyncContext startAsync() {
    async = true;
    return proxy(AsyncContext.class, (method, args) -> switch (method.getName()) {
      case "complete" -> {
        finish();
        yield null;
      }
      // The library sets a 3-minute timeout and listens for it; its pings answer a held poll long before.
      case "addListener", "setTimeout" -> null;
      default -> unsupported(method);
    });
  }

  private List<String> headerNames() {
    List<String> names = new ArrayList<>();
    request.getHeaders().forEach(h -> names.add(h.name()));
    return names;
  }

  private List<String> headerValues(String name) {
    List<String> values = new ArrayList<>();
    request.getHeaders().forEach(h -> {
      if (h.is(name.toLowerCase(Locale.ROOT))) {
        values.add(h.value());
      }
    });
    return values;
  }

  private static Object unsupported(Method method) {
    throw new UnsupportedOperationException("The polling facade does not offer " + method.getName());
  }

  private interface Handler {
    Object call(Method method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    InvocationHandler invocation = (self, method, args) -> switch (method.getName()) {
      case "hashCode" -> System.identityHashCode(self);
      case "equals" -> self == args[0];
      case "toString" -> type.getSimpleName() + " facade";
      default -> handler.call(method, args);
    };
    return type.cast(Proxy.newProxyInstance(PollingExchange.class.getClassLoader(), new Class<?>[] {type}, invocation));
  }

  private static final class BodyStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BodyStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    /** The library asks for the whole buffer's length at a non-zero offset; only what fits is read. */
    @Override
    public int read(byte[] buffer, int offset, int length) {
      return in.read(buffer, offset, Math.min(length, buffer.length - offset));
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("The polling facade reads bodies whole, not asynchronously");
    }
  }

  private static final class ResponseStream extends ServletOutputStream {
    private final ByteArrayOutputStream out;

    ResponseStream(ByteArrayOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      out.write(bytes, offset, length);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("The polling facade writes responses whole, not asynchronously");
    }
  }
}
