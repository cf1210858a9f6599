package dev.candor.ai.speech;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One step of hearing or speaking, as a flight-recorder event: free while no recording runs, and what
 * {@code bench/voice-latency.sh} reads to say where a spoken turn's time goes.
 */
@Name("candor.SpeechStep")
@Label("Speech step")
@Category("Candor")
@Description("Decoding, recognition, synthesis or encoding of one clip")
@StackTrace(false)
public final class SpeechStep extends Event {

  @Label("Step")
  String step;

  @Label("Audio seconds")
  double audioSeconds;

  private SpeechStep(String step) {
    this.step = step;
  }

  public static SpeechStep begin(String step) {
    SpeechStep event = new SpeechStep(step);
    event.begin();
    return event;
  }

  /** Ends the step; {@code seconds} is how much audio it took in or gave out. */
  public void end(double seconds) {
    audioSeconds = seconds;
    commit();
  }
}
