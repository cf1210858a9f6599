package dev.candor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which user each signed-in interview belongs to: an index into the journal, which holds the interviews themselves.
 * Blocking JDBC: call it from a dispatcher meant for blocking work.
 */
public final class InterviewOwners {

  /** One interview of a user, and when it was claimed. */
  public record Owned(String sessionId, Instant createdAt) {}

  private final Jdbc jdbc;

  public InterviewOwners(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Gives the interview to the user unless it already belongs to someone; whether it now belongs to this user.
   * Claiming again is harmless, so a retried start needs no care.
   */
  public boolean claim(String sessionId, String userId) {
    // One round trip: the row just inserted, or else the one that was there.
    return jdbc.queryOne("WITH claimed AS (INSERT INTO interview_owners (session_id, user_id) VALUES (?, ?) "
            + "ON CONFLICT (session_id) DO NOTHING RETURNING user_id) "
            + "SELECT user_id FROM claimed UNION ALL SELECT user_id FROM interview_owners WHERE session_id = ? LIMIT 1",
        (c, s) -> {
          s.setString(1, sessionId);
          s.setString(2, userId);
          s.setString(3, sessionId);
        }, row -> row.getString("user_id")).map(userId::equals).orElse(false);
  }

  public Optional<String> ownerOf(String sessionId) {
    return jdbc.queryOne("SELECT user_id FROM interview_owners WHERE session_id = ?",
        (c, s) -> s.setString(1, sessionId), row -> row.getString("user_id"));
  }

  /** Newest first. */
  public List<Owned> list(String userId, int limit, int offset) {
    return jdbc.query("SELECT session_id, created_at FROM interview_owners WHERE user_id = ? "
            + "ORDER BY created_at DESC, session_id LIMIT ? OFFSET ?",
        (c, s) -> {
          s.setString(1, userId);
          s.setInt(2, limit);
          s.setInt(3, offset);
        }, row -> new Owned(row.getString("session_id"), row.getTimestamp("created_at").toInstant()));
  }
}
