package uk.gov.courier.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

  private static final byte[] SECRET =
      "test-only-link-token-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
  private final CsrfTokens tokens = new CsrfTokens(SECRET);

  @Test
  void aSessionsTokenMatchesThatSessionOnly() {
    String token = tokens.forSession("aa11");

    assertThat(tokens.matchesSession(token, "aa11")).isTrue();
    assertThat(tokens.matchesSession(token, "bb22")).isFalse();
    assertThat(tokens.matchesSession(null, "aa11")).isFalse();
    assertThat(tokens.matchesSession("", "aa11")).isFalse();
  }

  @Test
  void everyInstanceWithTheSameSecretMakesTheSameTokens() {
    assertThat(new CsrfTokens(SECRET).forSession("aa11")).isEqualTo(tokens.forSession("aa11"));
    assertThat(
            new CsrfTokens(
                    "another-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8))
                .forSession("aa11"))
        .isNotEqualTo(tokens.forSession("aa11"));
  }

  @Test
  void aSignInTokenNeedsItsOwnNonceAndNeverDoublesAsASessionToken() {
    String token = tokens.forSignIn("nonce-1");

    assertThat(tokens.matchesSignIn(token, "nonce-1")).isTrue();
    assertThat(tokens.matchesSignIn(token, "nonce-2")).isFalse();
    assertThat(tokens.matchesSignIn(token, null)).isFalse();
    assertThat(tokens.matchesSession(token, "nonce-1")).isFalse();
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new CsrfTokens(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tokens.toString()).doesNotContain("test-only");
  }
}
