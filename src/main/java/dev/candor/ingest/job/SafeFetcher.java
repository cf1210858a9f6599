package dev.candor.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Fetches a job page for a URL a user typed, without letting that URL reach inside the network: http and
 * https only; every address the host (and every redirect's host) resolves to must be public; at most a
 * few redirects; a cap on the bytes read (after decompression); timeouts on connect, on the headers and on
 * reading the body.
 *
 * <p>The addresses are checked when resolved, and the HTTP client resolves the name again to connect;
 * a DNS server that answers differently within that moment could still steer a request (DNS rebinding).
 */
public final class SafeFetcher {

  /** @param allowPrivate lets private and loopback addresses through, for intranet boards and tests */
  public record Settings(boolean allowPrivate, int maxRedirects, long maxBytes, Duration connectTimeout, Duration readTimeout,
      String userAgent) {}

  /**
   * A fetched page as its bytes: an HTML page is parsed from them without first becoming a string (a logged-in LinkedIn
   * page is megabytes), a JSON answer is decoded with {@link #body()}.
   *
   * @param charset the charset the response declared, or null (then a page's own meta tag decides, else UTF-8)
   */
  public record Page(URI url, String contentType, byte[] bytes, Charset charset) {
    public String body() {
      return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
    }
  }

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");
  private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "job-fetch-deadlines");
    thread.setDaemon(true);
    return thread;
  });

  private final Settings settings;
  private final Predicate<InetAddress> allowed;
  private final HttpClient client;

  public SafeFetcher(Settings settings) {
    this(settings, settings.allowPrivate() ? SafeFetcher::isPublicOrPrivate : SafeFetcher::isPublic);
  }

  /** @param allowed which resolved addresses may be contacted */
  SafeFetcher(Settings settings, Predicate<InetAddress> allowed) {
    this.settings = settings;
    this.allowed = allowed;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.connectTimeout())
        .build();
  }

  public Page fetch(String address) throws FetchException {
    return fetch(address, url -> true);
  }

  /**
   * @param acceptedUrl which URLs the fetch may go to, the first and each redirect's (with
   *     JOB_FETCH_ONLY_KNOWN_BOARDS, a job board's page must not lead to another site)
   */
  public Page fetch(String address, Predicate<URI> acceptedUrl) throws FetchException {
    URI url = parse(address);
    for (int redirects = 0; ; redirects++) {
      if (!acceptedUrl.test(url)) {
        throw new FetchException(FetchException.Reason.INVALID_URL, redirects == 0
            ? "The URL " + url + " is not from a supported site"
            : "The page redirected to " + url + ", which is not from a supported site");
      }
      check(url);
      HttpResponse<InputStream> response = send(url);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
        close(response);
        if (redirects >= settings.maxRedirects()) {
          throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS,
              "The page redirects more than " + settings.maxRedirects() + " times");
        }
        url = redirectTarget(url, response.headers().firstValue("Location").get());
        continue;
      }
      if (status < 200 || status >= 300) {
        close(response);
        throw new FetchException(FetchException.Reason.HTTP_ERROR, "The site answered HTTP " + status + " for " + url);
      }
      String contentType = response.headers().firstValue("Content-Type").orElse("text/html");
      return new Page(url, contentType, read(response), charset(contentType));
    }
  }

  private static URI redirectTarget(URI from, String location) throws FetchException {
    try {
      return parse(from.resolve(location.trim()).toString());
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "The site redirected to an invalid address: " + location, e);
    }
  }

  private static URI parse(String address) throws FetchException {
    if (address == null || address.isBlank()) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "A job posting URL is required");
    }
    try {
      URI url = new URI(address.trim());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new FetchException(FetchException.Reason.INVALID_URL, "Only http and https URLs can be fetched, not '" + address + "'");
      }
      if (url.getHost() == null || url.getHost().isBlank()) {
        throw new FetchException(FetchException.Reason.INVALID_URL, "The URL has no host: '" + address + "'");
      }
      return url;
    } catch (URISyntaxException e) {
      throw new FetchException(FetchException.Reason.INVALID_URL, "Not a valid URL: '" + address + "'", e);
    }
  }

  private void check(URI url) throws FetchException {
    String host = url.getHost().replaceAll("^\\[|\\]$", "");
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Reason.UNREACHABLE, "The host " + host + " does not exist", e);
    }
    for (InetAddress address : addresses) {
      if (!allowed.test(address)) {
        throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS,
            "The URL points to a private or local address (" + host + " is " + address.getHostAddress()
                + "); only public job pages can be fetched");
      }
    }
  }

  private HttpResponse<InputStream> send(URI url) throws FetchException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8")
        .header("Accept-Language", "en-US,en;q=0.9")
        .header("Accept-Encoding", "gzip")
        .GET()
        .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, "The site did not answer within "
          + settings.readTimeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.UNREACHABLE, "The site could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.UNREACHABLE, "Interrupted while fetching " + url, e);
    }
  }

  /**
   * Reads at most the byte limit, counted after decompression, so a small gzip bomb is stopped too. The
   * client's timeout covers only the wait for headers: a site that sends its body slowly has its stream
   * closed when the read time is up.
   */
  private byte[] read(HttpResponse<InputStream> response) throws FetchException {
    boolean gzip = response.headers().firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false);
    InputStream raw = response.body();
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
      timedOut.set(true);
      close(response);
    }, settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    try (raw; InputStream body = gzip ? new GZIPInputStream(raw) : raw) {
      byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBytes() + 1));
      if (bytes.length > settings.maxBytes()) {
        throw new FetchException(FetchException.Reason.TOO_LARGE,
            "The page is larger than " + settings.maxBytes() / 1024 + " KB; it was not read");
      }
      return bytes;
    } catch (IOException e) {
      if (timedOut.get()) {
        throw new FetchException(FetchException.Reason.TIMEOUT, "The site took longer than "
            + settings.readTimeout().toMillis() + " ms to send the page", e);
      }
      throw new FetchException(FetchException.Reason.UNREACHABLE, "The page could not be read: " + e.getMessage(), e);
    } finally {
      deadline.cancel(false);
    }
  }

  private static Charset charset(String contentType) {
    Matcher m = CHARSET.matcher(contentType);
    if (m.find()) {
      try {
        return Charset.forName(m.group(1));
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return null;
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // The connection is dropped either way; nothing to tell the user.
    }
  }

  /**
   * What JOB_FETCH_ALLOW_PRIVATE opens: loopback and private networks (an intranet board, a test server),
   * never link-local (the cloud metadata address), multicast or the unspecified address.
   */
  static boolean isPublicOrPrivate(InetAddress address) {
    InetAddress v4 = embeddedIpv4(address);
    if (v4 != address) {
      return isPublicOrPrivate(v4);
    }
    if (address.isLoopbackAddress() || address.isSiteLocalAddress()
        || address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC) {
      return true;
    }
    return isPublic(address);
  }

  /**
   * Public unicast only: not loopback, private (RFC 1918, IPv6 unique-local), link-local (which holds the
   * cloud metadata address 169.254.169.254), carrier-grade NAT, multicast, or the unspecified address;
   * an IPv6 address that carries an IPv4 one (IPv4-compatible, NAT64, 6to4) is judged by that one.
   */
  static boolean isPublic(InetAddress address) {
    InetAddress v4 = embeddedIpv4(address);
    if (v4 != address) {
      return isPublic(v4);
    }
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      boolean thisNetwork = first == 0;
      boolean carrierNat = first == 100 && second >= 64 && second <= 127;
      boolean benchmarking = first == 198 && (second == 18 || second == 19);
      boolean reserved = first >= 240;
      boolean protocolAssignments = first == 192 && second == 0 && (b[2] & 0xFF) == 0;
      return !(thisNetwork || carrierNat || benchmarking || reserved || protocolAssignments);
    }
    if (address instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xFE) == 0xFC;
      boolean teredo = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0;
      return !uniqueLocal && !teredo;
    }
    return false;
  }

  /** The IPv4 address inside ::a.b.c.d, 64:ff9b::a.b.c.d (NAT64) or 2002:aabb:ccdd:: (6to4); else the address itself. */
  private static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    int from = -1;
    boolean zeroPrefix = true;
    for (int i = 0; i < 12; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
    if ((zeroPrefix && !address.isLoopbackAddress() && !address.isAnyLocalAddress()) || nat64) {
      from = 12;
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      from = 2;
    }
    if (from < 0) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
