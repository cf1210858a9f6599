package dev.candor.ai.speech.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of the shared HTTP behaviour that need no server. */
class ProviderHttpTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertEquals(Duration.ofSeconds(120), ProviderHttp.retryAfter("120", NOW));
    assertEquals(Duration.ofSeconds(90), ProviderHttp.retryAfter("Mon, 02 Mar 2026 10:01:30 GMT", NOW));
    assertEquals(Duration.ZERO, ProviderHttp.retryAfter("Mon, 02 Mar 2026 09:00:00 GMT", NOW));
    assertNull(ProviderHttp.retryAfter("soon", NOW));
    assertNull(ProviderHttp.retryAfter("-5", NOW));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"error\": {\"message\": \"Invalid file format.\", \"type\": \"invalid_request_error\"}} | Invalid file format.",
      "{\"error\": {\"code\": 413, \"message\": \"Request Entity Too Large\", \"type\": \"\"}} | Request Entity Too Large",
      "{\"detail\": {\"status\": \"voice_not_found\", \"message\": \"A voice with that id was not found.\"}} | A voice with that id was not found.",
      "{\"detail\": \"Model 'x' is not installed\"} | Model 'x' is not installed",
      "{\"error\": \"Unauthorized\"} | Unauthorized",
      "upstream connect error | upstream connect error",
  })
  void theProvidersOwnMessageIsFound(String body, String reason) {
    assertEquals(Optional.of(reason), ProviderHttp.reason(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void htmlAndEmptyBodiesHaveNoMessage() {
    assertEquals(Optional.empty(), ProviderHttp.reason("<html><h1>502 Bad Gateway</h1></html>".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), ProviderHttp.reason(new byte[0]));
    assertEquals(Optional.empty(), ProviderHttp.reason("{\"ok\": false}".getBytes(StandardCharsets.UTF_8)));
  }
}
