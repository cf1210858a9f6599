package dev.candor.http.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import dev.candor.store.UserRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Bearer tokens: HS256 JWTs whose subject is the user id, valid for a fixed time from sign-in. */
public final class Tokens {

  private static final String ISSUER = "candor";
  /** HS256 wants a key at least as long as its hash. */
  static final int MIN_SECRET_LENGTH = 32;

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Duration lifetime;
  private final Clock clock;

  public Tokens(String secret, Duration lifetime, Clock clock) {
    this.algorithm = Algorithm.HMAC256(requireStrong(secret));
    this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** The configured secret, refused when it is too short to sign with. */
  public static String requireStrong(String secret) {
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("candor.auth.jwt-secret (JWT_SECRET) must be at least " + MIN_SECRET_LENGTH
          + " characters, was " + secret.length());
    }
    return secret;
  }

  /** A new random secret, for a cluster whose operator set none. */
  public static String generateSecret() {
    byte[] key = new byte[MIN_SECRET_LENGTH];
    new SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  public String issue(UserRecord user) {
    Instant now = clock.instant();
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(user.id())
        .withClaim("email", user.email())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(lifetime))
        .sign(algorithm);
  }

  /** The user id a token was issued to, if it is ours, unaltered and unexpired. */
  public Optional<String> userId(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(verifier.verify(token).getSubject());
    } catch (JWTVerificationException e) {
      return Optional.empty();
    }
  }

  public Duration lifetime() {
    return lifetime;
  }
}
