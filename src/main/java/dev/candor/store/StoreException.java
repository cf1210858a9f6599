package dev.candor.store;

/** A database failure, unchecked so that callers on futures see it as the cause. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
