package uk.gov.courier.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

  private static final byte[] KEY =
      "a-test-key-that-is-long-enough-for-hmac-sha256".getBytes(StandardCharsets.UTF_8);
  private static final UUID LINK = UUID.fromString("6f1c2b7e-3d4a-4b5c-8e9f-0a1b2c3d4e01");

  @Test
  void theSameLinkAlwaysHasTheSameToken() {
    assertThat(new LinkTokens(KEY).token(LINK)).isEqualTo(new LinkTokens(KEY.clone()).token(LINK));
  }

  @Test
  void aDifferentKeyGivesADifferentToken() {
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThat(new LinkTokens(other).token(LINK)).isNotEqualTo(new LinkTokens(KEY).token(LINK));
  }

  @Test
  void aDifferentLinkGivesADifferentToken() {
    LinkTokens tokens = new LinkTokens(KEY);
    assertThat(tokens.token(UUID.randomUUID())).isNotEqualTo(tokens.token(LINK));
  }

  @Test
  void tokensAre43UrlSafeCharactersCarrying256Bits() {
    String token = new LinkTokens(KEY).token(LINK);
    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void tokenIsTheHmacOfTheLinkIdsSixteenBytes() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(KEY, "HmacSHA256"));
    byte[] id =
        java.nio.ByteBuffer.allocate(16)
            .putLong(LINK.getMostSignificantBits())
            .putLong(LINK.getLeastSignificantBits())
            .array();
    String expected =
        java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id));
    assertThat(new LinkTokens(KEY).token(LINK)).isEqualTo(expected);
  }

  @Test
  void storedHashIsTheSha256OfTheToken() throws Exception {
    LinkTokens tokens = new LinkTokens(KEY);
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest(tokens.token(LINK).getBytes(StandardCharsets.US_ASCII));
    assertThat(LinkTokens.sha256(tokens.token(LINK))).containsExactly(expected);
    assertThat(tokens.tokenSha256(LINK)).containsExactly(expected).hasSize(32);
  }

  @Test
  void urlIsTheDownloadPathWithTheToken() {
    LinkTokens tokens = new LinkTokens(KEY);
    String token = tokens.token(LINK);
    assertThat(tokens.url("https://courier.example", LINK))
        .isEqualTo("https://courier.example/download/" + token);
    assertThat(tokens.url("https://courier.example/", LINK))
        .isEqualTo("https://courier.example/download/" + token);
  }

  @Test
  void shortKeysAreRefusedAndTheKeyNeverPrints() {
    assertThatThrownBy(() -> new LinkTokens(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new LinkTokens(KEY).toString()).doesNotContain("a-test-key");
  }
}
