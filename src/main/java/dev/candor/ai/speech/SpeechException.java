package dev.candor.ai.speech;

import java.time.Duration;
import java.util.Optional;

/** Why speech could not be recognised or synthesised, in terms a client can act on. */
public final class SpeechException extends Exception {

  public enum Kind {
    /** Nothing audible: an empty recording, silence, or speech no word could be made of. */
    EMPTY_AUDIO(false),
    /** Bytes that are not the audio they claim to be: garbage, truncated, corrupt. */
    INVALID_AUDIO(false),
    /** A container or codec that is recognised but not decoded here. */
    UNSUPPORTED_AUDIO(false),
    /** Over the size or duration limit. */
    TOO_LARGE(false),
    /** The provider could not be reached or answered with a server error. */
    PROVIDER_UNAVAILABLE(true),
    /** The provider asked us to slow down (HTTP 429). */
    RATE_LIMITED(true),
    /** An engine on this node is serving as many calls as it may: a queue, not an outage. */
    BUSY(true),
    /** The provider took longer than allowed. */
    TIMEOUT(true),
    /** The provider refused the request (bad key, bad input): retrying the same request will not help. */
    PROVIDER_REJECTED(false),
    /** The provider answered with something that is not its documented format. */
    INVALID_RESPONSE(true);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;

  public SpeechException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public SpeechException(Kind kind, String message, Throwable cause) {
    this(kind, message, null, cause);
  }

  public SpeechException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the same call may succeed later (the provider's side failed, not the audio). */
  public boolean retryable() {
    return kind.retryable;
  }

  /** How long the provider asked us to wait (its Retry-After), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
