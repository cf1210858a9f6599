package dev.candor.ingest.job;

/** A job page that could not be fetched, with a reason fit to show the person who gave the URL. */
public final class FetchException extends Exception {

  public enum Reason { INVALID_URL, BLOCKED_ADDRESS, TOO_MANY_REDIRECTS, TOO_LARGE, TIMEOUT, HTTP_ERROR, UNREACHABLE }

  private final Reason reason;

  public FetchException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FetchException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
