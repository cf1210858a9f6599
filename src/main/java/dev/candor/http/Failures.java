package dev.candor.http;

import java.util.concurrent.CompletionException;

/** Futures wrap what failed in CompletionException; answers to clients are about the cause. */
public final class Failures {

  private Failures() {}

  public static Throwable cause(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
