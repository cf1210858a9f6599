package dev.candor.session;

/** Something went wrong that the client should hear about; nothing persisted was lost. */
public record SessionProblem(String message, boolean recoverable, SessionView view) implements Notification {}
