package dev.candor.session;

import java.time.Duration;

/** Told how each request to a session ended, how long it took and how many copies of it went out (RepeatingAsk). */
public interface RequestObserver {

  enum Outcome { ANSWERED, TIMED_OUT, FAILED }

  void finished(Outcome outcome, Duration took, int copies);

  RequestObserver NONE = (outcome, took, copies) -> {};
}
