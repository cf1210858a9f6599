package dev.candor.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** The users table; emails match whatever their case. Blocking JDBC: call it from a dispatcher meant for blocking work. */
public final class UserRepository {

  private static final String COLUMNS = "id, email, name, password_hash, created_at";

  private final Jdbc jdbc;

  public UserRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts a user with a new random id; an email already taken (in any case) throws {@link EmailTakenException}. */
  public UserRecord create(String email, String name, String passwordHash) {
    return jdbc.insert("INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?) RETURNING " + COLUMNS,
        (c, s) -> {
          s.setString(1, email);
          s.setString(2, name);
          s.setString(3, passwordHash);
        }, UserRepository::map, () -> new EmailTakenException(email));
  }

  public Optional<UserRecord> findByEmail(String email) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)",
        (c, s) -> s.setString(1, email), UserRepository::map);
  }

  public Optional<UserRecord> find(String id) {
    return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", (c, s) -> s.setString(1, id), UserRepository::map);
  }

  private static UserRecord map(ResultSet row) throws SQLException {
    return new UserRecord(row.getString("id"), row.getString("email"), row.getString("name"),
        row.getString("password_hash"), row.getTimestamp("created_at").toInstant());
  }
}
