package dev.candor.store;

import java.time.Instant;

/** A row of the users table. {@code name} may be null: seed 000's real sign-up form asks only for email and password. */
public record UserRecord(String id, String email, String name, String passwordHash, Instant createdAt) {}
