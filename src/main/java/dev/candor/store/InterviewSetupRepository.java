package dev.candor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** The interview_setups table. Blocking JDBC: call it from a dispatcher meant for blocking work. */
public final class InterviewSetupRepository {

  private static final String COLUMNS = "session_id, resume_text, resume_file_name, job_text, role, memory_opt_in, voice_enabled, candidate_email, report_json, "
      + "purged_at, resume_purged, created_at";

  private final Jdbc jdbc;

  public InterviewSetupRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  public InterviewSetup create(String sessionId) {
    return jdbc.insert("INSERT INTO interview_setups (session_id) VALUES (?) RETURNING " + COLUMNS,
        (c, s) -> s.setString(1, sessionId), InterviewSetupRepository::map, () -> new DuplicateIdException("session", sessionId));
  }

  public Optional<InterviewSetup> find(String sessionId) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM interview_setups WHERE session_id = ?",
        (c, s) -> s.setString(1, sessionId), InterviewSetupRepository::map);
  }

  /**
   * @param email the resume's email, or null when it gives none
   * @return the setup as it now stands, or empty when there is no such session
   */
  public Optional<InterviewSetup> setResume(String sessionId, String text, String fileName, String email) {
    return jdbc.queryOne("UPDATE interview_setups SET resume_text = ?, resume_file_name = ?, candidate_email = ? "
        + "WHERE session_id = ? RETURNING " + COLUMNS, (c, s) -> {
          s.setString(1, text);
          s.setString(2, fileName);
          s.setString(3, email == null ? null : email.strip().toLowerCase(Locale.ROOT));
          s.setString(4, sessionId);
        }, InterviewSetupRepository::map);
  }

  /** The newest other session of this email whose candidate consented to be remembered, with both documents. */
  public Optional<InterviewSetup> remembered(String email, String exceptSessionId) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM interview_setups WHERE memory_opt_in AND candidate_email = ? "
        + "AND session_id <> ? AND resume_text IS NOT NULL AND job_text IS NOT NULL ORDER BY created_at DESC LIMIT 1",
        (c, s) -> {
          s.setString(1, email.strip().toLowerCase(Locale.ROOT));
          s.setString(2, exceptSessionId);
        }, InterviewSetupRepository::map);
  }

  /** A session due for the purge, and where the next page of them starts. */
  public record Due(String sessionId, Instant createdAt) {}

  /**
   * Sessions without consent created before {@code cutoff} whose data is still all there, oldest first, after
   * {@code after} (null: from the first).
   */
  public List<Due> dueForPurge(Instant cutoff, Due after, int limit) {
    return jdbc.query("SELECT session_id, created_at FROM interview_setups WHERE NOT memory_opt_in AND purged_at IS NULL "
        + "AND created_at < ? AND (created_at, session_id) > (?, ?) ORDER BY created_at, session_id LIMIT ?", (c, s) -> {
          s.setTimestamp(1, Timestamp.from(cutoff));
          s.setTimestamp(2, Timestamp.from(after == null ? Instant.EPOCH : after.createdAt()));
          s.setString(3, after == null ? "" : after.sessionId());
          s.setInt(4, limit);
        }, row -> new Due(row.getString("session_id"), row.getTimestamp("created_at").toInstant()));
  }

  /**
   * Keeps {@code reportJson} and deletes the rest of a session without consent, in one transaction: the resume and the
   * email, the journal and snapshots of {@code persistenceId}, and the audio of {@code audioIds}. Does nothing for a
   * session another node purged already, whose candidate consented meanwhile, or whose journal has moved past
   * {@code lastSeq} (the interview the report was made from) since.
   *
   * @return whether this call purged it
   */
  public boolean purge(String sessionId, String reportJson, String persistenceId, long lastSeq, List<String> audioIds) {
    return jdbc.inTransaction(connection -> {
      try (PreparedStatement newest = connection.prepareStatement(
          "SELECT coalesce(max(sequence_number), 0) FROM event_journal WHERE persistence_id = ?")) {
        newest.setString(1, persistenceId);
        try (ResultSet row = newest.executeQuery()) {
          row.next();
          if (row.getLong(1) != lastSeq) {
            return false;
          }
        }
      }
      int claimed;
      try (PreparedStatement claim = connection.prepareStatement("UPDATE interview_setups SET report_json = ?, "
          + "purged_at = now(), resume_purged = resume_text IS NOT NULL, resume_text = NULL, resume_file_name = NULL, "
          + "candidate_email = NULL "
          + "WHERE session_id = ? AND purged_at IS NULL AND NOT memory_opt_in")) {
        claim.setString(1, reportJson);
        claim.setString(2, sessionId);
        claimed = claim.executeUpdate();
      }
      if (claimed == 0) {
        return false;
      }
      for (String sql : List.of("DELETE FROM event_journal WHERE persistence_id = ?", "DELETE FROM snapshot WHERE persistence_id = ?")) {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
          delete.setString(1, persistenceId);
          delete.executeUpdate();
        }
      }
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audio WHERE id = ANY(?)")) {
        delete.setArray(1, Jdbc.textArray(connection, audioIds));
        delete.executeUpdate();
      }
      return true;
    });
  }

  public Optional<InterviewSetup> setJob(String sessionId, String text, String role) {
    return jdbc.queryOne("UPDATE interview_setups SET job_text = ?, role = ? WHERE session_id = ? RETURNING " + COLUMNS,
        (c, s) -> {
          s.setString(1, text);
          s.setString(2, role);
          s.setString(3, sessionId);
        }, InterviewSetupRepository::map);
  }

  public Optional<InterviewSetup> setMemoryOptIn(String sessionId, boolean optIn) {
    return setFlag("memory_opt_in", sessionId, optIn);
  }

  public Optional<InterviewSetup> setVoiceEnabled(String sessionId, boolean enabled) {
    return setFlag("voice_enabled", sessionId, enabled);
  }

  /** @param column one of this class's own column names, never input */
  private Optional<InterviewSetup> setFlag(String column, String sessionId, boolean value) {
    return jdbc.queryOne("UPDATE interview_setups SET " + column + " = ? WHERE session_id = ? RETURNING " + COLUMNS,
        (c, s) -> {
          s.setBoolean(1, value);
          s.setString(2, sessionId);
        }, InterviewSetupRepository::map);
  }

  private static InterviewSetup map(ResultSet row) throws SQLException {
    return new InterviewSetup(row.getString("session_id"), row.getString("resume_text"), row.getString("resume_file_name"),
        row.getString("job_text"), row.getString("role"), row.getBoolean("memory_opt_in"), row.getBoolean("voice_enabled"),
        row.getString("candidate_email"), row.getString("report_json"),
        row.getTimestamp("purged_at") == null ? null : row.getTimestamp("purged_at").toInstant(),
        row.getBoolean("resume_purged"), row.getTimestamp("created_at").toInstant());
  }
}
