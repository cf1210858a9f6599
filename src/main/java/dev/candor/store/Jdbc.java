package dev.candor.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The few JDBC moves the repositories share: statements with parameters, rows mapped to records. */
final class Jdbc {

  /** PostgreSQL's SQLSTATE for a unique constraint violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  interface Binder {
    void bind(Connection connection, PreparedStatement statement) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(connection, statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) {
    return query(sql, binder, mapper).stream().findFirst();
  }

  /** An INSERT ... RETURNING; a clash on a unique key becomes the exception {@code onDuplicate} makes. */
  <T> T insert(String sql, Binder binder, RowMapper<T> mapper, Supplier<? extends RuntimeException> onDuplicate) {
    try {
      return queryOne(sql, binder, mapper).orElseThrow();
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql2 && UNIQUE_VIOLATION.equals(sql2.getSQLState())) {
        throw onDuplicate.get();
      }
      throw e;
    }
  }

  /** A statement that returns no rows; the number of rows it changed. */
  int update(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(connection, statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  interface Transaction<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  <T> T inTransaction(Transaction<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("Database error: " + e.getMessage(), e);
    }
  }

  static Array textArray(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(String[]::new));
  }

  static List<String> textList(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
