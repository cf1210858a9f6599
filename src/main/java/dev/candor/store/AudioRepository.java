package dev.candor.store;

import java.util.Optional;
import javax.sql.DataSource;

/** The audio table: recordings and synthesised speech by id. Blocking JDBC. */
public final class AudioRepository {

  public record Audio(byte[] bytes, String contentType) {}

  private final Jdbc jdbc;

  public AudioRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Keeps the first copy stored under an id: speech ids are derived from the words, so a second copy is the same. */
  public void save(String id, byte[] bytes, String contentType) {
    jdbc.query("INSERT INTO audio (id, content_type, bytes) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id",
        (c, s) -> {
          s.setString(1, id);
          s.setString(2, contentType);
          s.setBytes(3, bytes);
        }, row -> row.getString(1));
  }

  public Optional<Audio> load(String id) {
    return jdbc.queryOne("SELECT bytes, content_type FROM audio WHERE id = ?", (c, s) -> s.setString(1, id),
        row -> new Audio(row.getBytes("bytes"), row.getString("content_type")));
  }

  public void delete(String id) {
    jdbc.query("DELETE FROM audio WHERE id = ? RETURNING id", (c, s) -> s.setString(1, id), row -> row.getString(1));
  }
}
