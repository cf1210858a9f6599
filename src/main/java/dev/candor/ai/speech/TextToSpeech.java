package dev.candor.ai.speech;

/** Speaks the interviewer's words. Calls block; run them off actor threads. */
public interface TextToSpeech {

  /**
   * @param voice the seeds' "female" or "male", or a provider's own voice name or id; each engine maps the
   *     seeds' two words onto voices it has
   */
  SpeechAudio synthesize(String text, String voice) throws SpeechException;
}
