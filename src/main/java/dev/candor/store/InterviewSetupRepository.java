package dev.candor.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The interview_setups table. Blocking JDBC: call it from a dispatcher meant for blocking work. */
public final class InterviewSetupRepository {

  private static final String COLUMNS = "session_id, resume_text, resume_file_name, job_text, role, memory_opt_in, voice_enabled, created_at";

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

  /** @return the setup as it now stands, or empty when there is no such session */
  public Optional<InterviewSetup> setResume(String sessionId, String text, String fileName) {
    return jdbc.queryOne("UPDATE interview_setups SET resume_text = ?, resume_file_name = ? WHERE session_id = ? RETURNING "
        + COLUMNS, (c, s) -> {
          s.setString(1, text);
          s.setString(2, fileName);
          s.setString(3, sessionId);
        }, InterviewSetupRepository::map);
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
    return jdbc.queryOne("UPDATE interview_setups SET memory_opt_in = ? WHERE session_id = ? RETURNING " + COLUMNS,
        (c, s) -> {
          s.setBoolean(1, optIn);
          s.setString(2, sessionId);
        }, InterviewSetupRepository::map);
  }

  public Optional<InterviewSetup> setVoiceEnabled(String sessionId, boolean enabled) {
    return jdbc.queryOne("UPDATE interview_setups SET voice_enabled = ? WHERE session_id = ? RETURNING " + COLUMNS,
        (c, s) -> {
          s.setBoolean(1, enabled);
          s.setString(2, sessionId);
        }, InterviewSetupRepository::map);
  }

  private static InterviewSetup map(ResultSet row) throws SQLException {
    return new InterviewSetup(row.getString("session_id"), row.getString("resume_text"), row.getString("resume_file_name"),
        row.getString("job_text"), row.getString("role"), row.getBoolean("memory_opt_in"), row.getBoolean("voice_enabled"),
        row.getTimestamp("created_at").toInstant());
  }
}
