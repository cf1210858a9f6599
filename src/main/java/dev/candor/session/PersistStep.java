package dev.candor.session;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One write of a spoken turn's events, from the handler that decided it to the journal's acknowledgement. */
@Name("candor.PersistStep")
@Label("Session persist")
@Category("Candor")
@Description("A session's events of one step of a turn, written to the journal")
@StackTrace(false)
final class PersistStep extends Event {

  @Label("Events")
  String what;

  static PersistStep begin(String what) {
    PersistStep step = new PersistStep();
    step.what = what;
    step.begin();
    return step;
  }
}
