package dev.candor.interview;

/**
 * A result and the engine that produced it ("rule-based", "openai:gpt-4o-mini", "rule-based (fallback: ...)"),
 * so that what a session persists says who did the work.
 */
public record Attributed<T>(T value, String engine) {}
