package dev.candor.ai.speech;

/**
 * Turns a recorded answer into text. Calls block (decoding and recognition take seconds), so callers
 * run them on a dispatcher meant for blocking work, never on an actor's own thread.
 */
public interface SpeechToText {

  /**
   * @throws SpeechException with {@link SpeechException.Kind#EMPTY_AUDIO} when nothing could be heard, and
   *     the other kinds for bad audio or a provider failure
   */
  Transcript transcribe(AudioClip clip) throws SpeechException;
}
