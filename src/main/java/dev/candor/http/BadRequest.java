package dev.candor.http;

/** A request the client must change: the message says what to change. */
public final class BadRequest extends RuntimeException {
  public BadRequest(String message) {
    super(message);
  }
}
