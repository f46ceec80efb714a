package uk.gov.courier.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FormTokensTest {

  private static final byte[] KEY =
      "unit-test-link-token-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");

  private final FormTokens tokens = new FormTokens(KEY);
  private final UUID link = UUID.randomUUID();

  @Test
  void aTokenIsAcceptedForItsOwnLinkWithinItsLifetime() {
    String token = tokens.issue(link, NOW);

    assertThat(tokens.isValid(token, link, NOW)).isTrue();
    assertThat(tokens.isValid(token, link, NOW.plus(Duration.ofHours(11)))).isTrue();
    assertThat(new FormTokens(KEY).isValid(token, link, NOW)).as("another instance").isTrue();
  }

  @Test
  void anotherLinksTokenAnOldTokenAndAForgedOneAreRefused() {
    String token = tokens.issue(link, NOW);

    assertThat(tokens.isValid(token, UUID.randomUUID(), NOW)).isFalse();
    assertThat(tokens.isValid(token, link, NOW.plus(Duration.ofHours(13)))).isFalse();
    assertThat(tokens.isValid(tokens.issue(link, NOW.plus(Duration.ofHours(1))), link, NOW))
        .as("issued in the future")
        .isFalse();
    assertThat(tokens.isValid(token.substring(0, token.length() - 1) + "x", link, NOW)).isFalse();
    assertThat(tokens.isValid(NOW.getEpochSecond() + ".", link, NOW)).isFalse();
    assertThat(tokens.isValid(null, link, NOW)).isFalse();
    assertThat(tokens.isValid("not a token", link, NOW)).isFalse();
    assertThat(
            new FormTokens("another-key-entirely-0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .isValid(token, link, NOW))
        .isFalse();
  }

  @Test
  void addressesMatchWithoutRegardToCaseOrSurroundingSpace() {
    assertThat(
            RecipientAddresses.matches(
                "  Finance@Payer.EXAMPLE.org\t", "finance@payer.example.org"))
        .isTrue();
    assertThat(
            RecipientAddresses.matches("finance@payer.example.org.", "finance@payer.example.org"))
        .isFalse();
    assertThat(RecipientAddresses.looksLikeAnAddress("finance")).isFalse();
    assertThat(RecipientAddresses.isBlank(" \t ")).isTrue();
  }
}
