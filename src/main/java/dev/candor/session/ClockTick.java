package dev.candor.session;

/**
 * The time an interview has left, told to its subscribers at the pace its context asks for (see
 * {@link InterviewSession.SessionContext#clockSeconds()}). Not an event: it follows from when the interview began,
 * so a session moved to another node goes on ticking from the journal's timestamps.
 */
public record ClockTick(long secondsLeft, SessionView view) implements Notification {}
