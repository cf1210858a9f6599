package dev.candor.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The candidates table. Blocking JDBC: call it from a dispatcher meant for blocking work. */
public final class CandidateRepository {

  private static final String COLUMNS =
      "id, name, email, resume_text, resume_url, skills, experience, education, created_at";

  private final Jdbc jdbc;

  public CandidateRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts the candidate; a null id gets a random UUID. */
  public CandidateRecord create(CandidateRecord candidate) {
    String sql = "INSERT INTO candidates (id, name, email, resume_text, resume_url, skills, experience, education) "
        + "VALUES (COALESCE(?, gen_random_uuid()::text), ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS;
    return jdbc.insert(sql, (connection, s) -> {
      s.setString(1, candidate.id());
      s.setString(2, candidate.name());
      s.setString(3, candidate.email());
      s.setString(4, candidate.resumeText());
      s.setString(5, candidate.resumeUrl());
      s.setArray(6, Jdbc.textArray(connection, candidate.skills()));
      s.setString(7, candidate.experience());
      s.setString(8, candidate.education());
    }, CandidateRepository::map, () -> new DuplicateIdException("candidate", candidate.id()));
  }

  public Optional<CandidateRecord> find(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM candidates WHERE id = ?",
        (c, s) -> s.setString(1, id), CandidateRepository::map);
  }

  /** Newest first. */
  public List<CandidateRecord> list(int limit, int offset) {
    return jdbc.query("SELECT " + COLUMNS + " FROM candidates ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
        (c, s) -> {
          s.setInt(1, limit);
          s.setInt(2, offset);
        }, CandidateRepository::map);
  }

  private static CandidateRecord map(ResultSet row) throws SQLException {
    return new CandidateRecord(
        row.getString("id"),
        row.getString("name"),
        row.getString("email"),
        row.getString("resume_text"),
        row.getString("resume_url"),
        Jdbc.textList(row, "skills"),
        row.getString("experience"),
        row.getString("education"),
        row.getTimestamp("created_at").toInstant());
  }
}
