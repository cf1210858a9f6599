package dev.candor.ingest.resume;

/** A document Candor cannot read, with a reason fit to show the person who uploaded it. */
public final class DocumentException extends Exception {

  public enum Reason { EMPTY, UNSUPPORTED_TYPE, TOO_LARGE, TOO_MANY_PAGES, ENCRYPTED, NO_TEXT, ZIP_BOMB, CORRUPT }

  private final Reason reason;

  public DocumentException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DocumentException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
