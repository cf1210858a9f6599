package dev.candor.store;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read-only links to interview reports: an unguessable token, made by the caller, names one interview until it is
 * revoked. Blocking JDBC: call it from a dispatcher meant for blocking work.
 */
public final class ReportShares {

  private final Jdbc jdbc;

  public ReportShares(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A new link to the interview's report, named by {@code token}; the token. */
  public String share(String sessionId, String token) {
    jdbc.update("INSERT INTO report_shares (token, session_id) VALUES (?, ?)", (c, s) -> {
      s.setString(1, token);
      s.setString(2, sessionId);
    });
    return token;
  }

  /** The interview a live token names; empty for an unknown or revoked one. */
  public Optional<String> sessionOf(String token) {
    return jdbc.queryOne("SELECT session_id FROM report_shares WHERE token = ? AND revoked_at IS NULL",
        (c, s) -> s.setString(1, token), row -> row.getString("session_id"));
  }

  /** Ends a link of this interview; whether there was a live one to end. */
  public boolean revoke(String sessionId, String token) {
    return jdbc.update("UPDATE report_shares SET revoked_at = now() WHERE token = ? AND session_id = ? AND revoked_at IS NULL",
        (c, s) -> {
          s.setString(1, token);
          s.setString(2, sessionId);
        }) > 0;
  }
}
