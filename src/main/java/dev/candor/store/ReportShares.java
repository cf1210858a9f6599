package dev.candor.store;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read-only links to interview reports: an unguessable token (32 random bytes) names one interview until it is
 * revoked. Blocking JDBC: call it from a dispatcher meant for blocking work.
 */
public final class ReportShares {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private final Jdbc jdbc;

  public ReportShares(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A new link to the interview's report; its token. */
  public String share(String sessionId) {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
