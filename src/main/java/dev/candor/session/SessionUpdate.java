package dev.candor.session;

/**
 * A persisted event, numbered in the session's order (1, 2, ...), with the session as it stands now.
 * A subscriber that saw up to number n can ask for everything after n.
 */
public record SessionUpdate(long seq, InterviewSession.Event event, SessionView view) implements Notification {}
