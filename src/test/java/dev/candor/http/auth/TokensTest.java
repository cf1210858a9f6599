package dev.candor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.store.UserRecord;
import dev.candor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static final UserRecord USER = new UserRecord("user-1", "ada@example.com", "Ada", "hash", Instant.EPOCH);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
  private final Tokens tokens = new Tokens(Tokens.generateSecret(), Duration.ofHours(1), clock);

  @Test
  void aTokenNamesItsUserUntilItExpires() {
    String token = tokens.issue(USER);
    assertEquals(Optional.of("user-1"), tokens.userId(token));
    clock.advance(Duration.ofMinutes(59));
    assertEquals(Optional.of("user-1"), tokens.userId(token));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(Optional.empty(), tokens.userId(token));
  }

  @Test
  void anAlteredTokenOrOneSignedWithAnotherKeyIsRefused() {
    String token = tokens.issue(USER);
    String[] parts = token.split("\\.");
    String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"iss\":\"candor\",\"sub\":\"user-2\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(Optional.empty(), tokens.userId(parts[0] + "." + otherPayload + "." + parts[2]));
    Tokens elsewhere = new Tokens(Tokens.generateSecret(), Duration.ofHours(1), clock);
    assertEquals(Optional.empty(), elsewhere.userId(token));
    assertEquals(Optional.empty(), tokens.userId("not a token"));
    assertEquals(Optional.empty(), tokens.userId(""));
    assertEquals(Optional.empty(), tokens.userId(null));
  }

  @Test
  void aSecretTooShortToSignWithStopsTheNode() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new Tokens("short", Duration.ofHours(1), clock));
    assertTrue(refused.getMessage().contains("JWT_SECRET"), refused.getMessage());
  }

  @Test
  void generatedSecretsAreLongEnoughAndDifferent() {
    String one = Tokens.generateSecret();
    assertTrue(one.length() >= Tokens.MIN_SECRET_LENGTH, one);
    assertNotEquals(one, Tokens.generateSecret());
  }
}
