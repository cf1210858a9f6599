package dev.candor.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback, and every way a URL can try to reach inside the network. */
class SafeFetcherTest {

  private static final SafeFetcher.Settings OPEN = new SafeFetcher.Settings(true, 5, 4096, Duration.ofSeconds(2),
      Duration.ofMillis(800), "Mozilla/5.0 test");
  private static final SafeFetcher.Settings GUARDED = new SafeFetcher.Settings(false, 5, 4096, Duration.ofSeconds(2),
      Duration.ofMillis(800), "Mozilla/5.0 test");

  private static HttpServer server;
  private static HttpServer redirector;
  private static String base;

  @BeforeAll
  static void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/job", exchange -> reply(exchange, 200, "<html><h1>Platform Engineer</h1></html>", false));
    server.createContext("/gzip", exchange -> reply(exchange, 200, "<p>compressed page</p>", true));
    server.createContext("/big", exchange -> reply(exchange, 200, "x".repeat(5000), false));
    server.createContext("/bomb", exchange -> reply(exchange, 200, " ".repeat(2_000_000), true));
    server.createContext("/saved-linkedin", exchange -> {
      // a logged-in job page's size: megabytes of scripts around the posting, its charset only in a meta tag
      String page = "<html><head><meta charset=\"windows-1252\"><title>Café Engineer | Acme | LinkedIn</title>"
          + "<script>" + "var x = 1;".repeat(350_000) + "</script></head><body><h1>Café Engineer</h1></body></html>";
      byte[] bytes = page.getBytes(java.nio.charset.Charset.forName("windows-1252"));
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.createContext("/missing", exchange -> reply(exchange, 404, "no such job", false));
    server.createContext("/slow", exchange -> {
      sleep(2000);
      reply(exchange, 200, "late", false);
    });
    server.createContext("/slow-body", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("<p>start".getBytes(StandardCharsets.UTF_8));
        out.flush();
        sleep(3000);
        out.write("end</p>".getBytes(StandardCharsets.UTF_8));
      } catch (IOException clientLeft) {
        // the fetcher gave up first, which is what the test wants
      }
    });
    server.createContext("/bad-location", exchange -> {
      exchange.getResponseHeaders().add("Location", "/a b");
      reply(exchange, 302, "", false);
    });
    server.createContext("/hop", exchange -> {
      int n = Integer.parseInt(exchange.getRequestURI().getQuery());
      exchange.getResponseHeaders().add("Location", n == 0 ? "/job" : "/hop?" + (n - 1));
      reply(exchange, 302, "", false);
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    // A second site, on 127.0.0.2, stands in for a public one that redirects to localhost.
    redirector = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
    redirector.createContext("/to-localhost", exchange -> {
      exchange.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort() + "/job");
      reply(exchange, 301, "", false);
    });
    redirector.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
    redirector.stop(0);
  }

  @Test
  void fetchesAPageFollowingRedirectsAndDecompressing() throws Exception {
    SafeFetcher fetcher = new SafeFetcher(OPEN);
    assertTrue(fetcher.fetch(base + "/job").body().contains("Platform Engineer"));
    SafeFetcher.Page redirected = fetcher.fetch(base + "/hop?4");
    assertTrue(redirected.body().contains("Platform Engineer"));
    assertTrue(redirected.url().toString().endsWith("/job"));
    assertEquals("<p>compressed page</p>", fetcher.fetch(base + "/gzip").body());
  }

  @Test
  void aPageOfMegabytesIsReadUnderTheDefaultLimitInTheCharsetItDeclares() throws Exception {
    SafeFetcher.Settings defaults = new SafeFetcher.Settings(true, 5, 8L << 20, Duration.ofSeconds(2), Duration.ofSeconds(5),
        "Mozilla/5.0 test");
    SafeFetcher.Page page = new SafeFetcher(defaults).fetch(base + "/saved-linkedin");
    assertTrue(page.bytes().length > 3_000_000, "the page is " + page.bytes().length + " bytes");
    ParsedJob job = JobPageParser.parse(page);
    assertEquals("Café Engineer", job.posting().title(), "decoded as its meta tag says, not as UTF-8");
  }

  @Test
  void limitsRedirectsSizeTimeAndErrors() {
    SafeFetcher fetcher = new SafeFetcher(OPEN);
    assertRefused(fetcher, base + "/hop?5", FetchException.Reason.TOO_MANY_REDIRECTS);
    assertRefused(fetcher, base + "/big", FetchException.Reason.TOO_LARGE);
    assertRefused(fetcher, base + "/bomb", FetchException.Reason.TOO_LARGE);
    assertRefused(fetcher, base + "/missing", FetchException.Reason.HTTP_ERROR);
    assertRefused(fetcher, base + "/slow", FetchException.Reason.TIMEOUT);
    assertRefused(fetcher, base + "/slow-body", FetchException.Reason.TIMEOUT);
    assertRefused(fetcher, base + "/bad-location", FetchException.Reason.INVALID_URL);
    assertRefused(fetcher, "http://no-such-host.invalid/job", FetchException.Reason.UNREACHABLE);
  }

  @Test
  void refusesEveryAddressInsideTheNetwork() {
    SafeFetcher fetcher = new SafeFetcher(GUARDED);
    for (String url : List.of(base + "/job", "http://127.0.0.1/", "http://[::1]/", "http://10.0.0.1/admin",
        "http://192.168.1.1/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/",
        "http://100.64.0.1/", "http://[fd00::1]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/",
        "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378::1]/", "http://192.0.0.8/",
        "http://localhost:" + server.getAddress().getPort() + "/job")) {
      assertRefused(fetcher, url, FetchException.Reason.BLOCKED_ADDRESS);
    }
    for (String url : List.of("file:///etc/passwd", "ftp://example.com/job", "gopher://example.com/", "not a url", "",
        "http:///nohost")) {
      assertRefused(fetcher, url, FetchException.Reason.INVALID_URL);
    }
  }

  @Test
  void aRedirectToAnUnacceptedSiteIsRefusedBeforeItIsFetched() throws Exception {
    // The redirector on 127.0.0.2 sends the client to "localhost"; only 127.0.0.2 URLs are accepted here.
    SafeFetcher fetcher = new SafeFetcher(OPEN);
    String accepted = "http://127.0.0.2:" + redirector.getAddress().getPort();
    FetchException e = assertThrows(FetchException.class,
        () -> fetcher.fetch(accepted + "/to-localhost", url -> url.getHost().equals("127.0.0.2")));
    assertEquals(FetchException.Reason.INVALID_URL, e.reason());
    assertTrue(e.getMessage().contains("redirected to http://localhost:"), e.getMessage());
    FetchException first = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/job", url -> false));
    assertEquals(FetchException.Reason.INVALID_URL, first.reason());
    assertTrue(fetcher.fetch(base + "/hop?2", url -> url.getHost().equals("127.0.0.1")).body().contains("Platform Engineer"));
  }

  @Test
  void aRedirectIntoTheNetworkIsRefusedToo() throws Exception {
    // 127.0.0.2 counts as public for this test; the redirect's target (localhost) is checked like any address.
    SafeFetcher fetcher = new SafeFetcher(GUARDED,
        address -> address.getHostAddress().equals("127.0.0.2") || SafeFetcher.isPublic(address));
    String publicSite = "http://127.0.0.2:" + redirector.getAddress().getPort();
    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(publicSite + "/to-localhost"));
    assertEquals(FetchException.Reason.BLOCKED_ADDRESS, e.reason(), e.getMessage());
  }

  @Test
  void allowingPrivateAddressesStillRefusesTheMetadataAddress() {
    SafeFetcher fetcher = new SafeFetcher(OPEN);
    for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/", "http://224.0.0.1/",
        "http://[64:ff9b::a9fe:a9fe]/")) {
      assertRefused(fetcher, url, FetchException.Reason.BLOCKED_ADDRESS);
    }
  }

  @Test
  void publicMeansPublicUnicast() throws Exception {
    assertTrue(SafeFetcher.isPublic(InetAddress.getByName("8.8.8.8")));
    assertTrue(SafeFetcher.isPublic(InetAddress.getByName("2001:4860:4860::8888")));
    assertTrue(SafeFetcher.isPublic(InetAddress.getByName("64:ff9b::808:808")), "NAT64 of a public address");
    for (String address : List.of("127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.100.1.1",
        "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1", "ff02::1", "255.255.255.255")) {
      assertFalse(SafeFetcher.isPublic(InetAddress.getByName(address)), address);
    }
  }

  private static void assertRefused(SafeFetcher fetcher, String url, FetchException.Reason reason) {
    FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(url), url);
    assertEquals(reason, e.reason(), url + ": " + e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }

  private static void reply(HttpExchange exchange, int status, String body, boolean gzip) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (gzip) {
      ByteArrayOutputStream compressed = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
        out.write(bytes);
      }
      bytes = compressed.toByteArray();
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
    }
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
