package dev.candor.session;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** One session task run by a worker, as a flight-recorder event: its kind, its time queued and its whole time. */
@Name("candor.TaskStep")
@Label("Session task")
@Category("Candor")
@Description("A session's planning, transcription, analysis, speech or report task, from its worker's start")
@StackTrace(false)
final class TaskStep extends Event {

  @Label("Task")
  String task;

  @Label("Queued")
  @Timespan(Timespan.NANOSECONDS)
  long queued;
}
