package dev.candor.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The jobs table. Blocking JDBC: call it from a dispatcher meant for blocking work. */
public final class JobRepository {

  private static final String COLUMNS =
      "id, title, description, requirements, company, location, salary_range, experience_level, skills_required, created_at";

  private final Jdbc jdbc;

  public JobRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts the job; a null id gets a random UUID. */
  public JobRecord create(JobRecord job) {
    String sql = "INSERT INTO jobs (id, title, description, requirements, company, location, salary_range, "
        + "experience_level, skills_required) VALUES (COALESCE(?, gen_random_uuid()::text), ?, ?, ?, ?, ?, ?, ?, ?) "
        + "RETURNING " + COLUMNS;
    return jdbc.insert(sql, (connection, s) -> {
      s.setString(1, job.id());
      s.setString(2, job.title());
      s.setString(3, job.description());
      s.setString(4, job.requirements());
      s.setString(5, job.company());
      s.setString(6, job.location());
      s.setString(7, job.salaryRange());
      s.setString(8, job.experienceLevel());
      s.setArray(9, Jdbc.textArray(connection, job.skillsRequired()));
    }, JobRepository::map, () -> new DuplicateIdException("job", job.id()));
  }

  public Optional<JobRecord> find(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", (c, s) -> s.setString(1, id), JobRepository::map);
  }

  /** Newest first. */
  public List<JobRecord> list(int limit, int offset) {
    return jdbc.query("SELECT " + COLUMNS + " FROM jobs ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
        (c, s) -> {
          s.setInt(1, limit);
          s.setInt(2, offset);
        }, JobRepository::map);
  }

  private static JobRecord map(ResultSet row) throws SQLException {
    return new JobRecord(
        row.getString("id"),
        row.getString("title"),
        row.getString("description"),
        row.getString("requirements"),
        row.getString("company"),
        row.getString("location"),
        row.getString("salary_range"),
        row.getString("experience_level"),
        Jdbc.textList(row, "skills_required"),
        row.getTimestamp("created_at").toInstant());
  }
}
