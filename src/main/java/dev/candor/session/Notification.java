package dev.candor.session;

/** What a session pushes to its subscribers. */
public sealed interface Notification extends CborSerializable permits SessionUpdate, SessionProblem, ClockTick {
  SessionView view();
}
