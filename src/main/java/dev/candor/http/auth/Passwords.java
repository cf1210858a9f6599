package dev.candor.http.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...}). A hash is checked with the
 * parameters written in it, so raising the cost later leaves existing accounts working.
 */
final class Passwords {

  /** OWASP's first Argon2id configuration: 19 MiB, two passes, one lane. About 0.3 s of one core per hash. */
  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  private static final int SALT_BYTES = 16;

  private Passwords() {}

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
  }

  static boolean matches(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
