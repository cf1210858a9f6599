package dev.candor.ai.speech.audio;

import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechException.Kind;

/** The decoder's errors, worded for the person who recorded the clip. */
final class Failures {

  private Failures() {}

  static SpeechException invalid(String message) {
    return new SpeechException(Kind.INVALID_AUDIO, message);
  }

  static SpeechException unsupported(String message) {
    return new SpeechException(Kind.UNSUPPORTED_AUDIO, message);
  }

  static SpeechException empty(String message) {
    return new SpeechException(Kind.EMPTY_AUDIO, message);
  }

  static SpeechException tooLarge(String message) {
    return new SpeechException(Kind.TOO_LARGE, message);
  }
}
