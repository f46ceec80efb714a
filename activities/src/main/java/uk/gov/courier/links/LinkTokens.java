package uk.gov.courier.links;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download tokens: {@code base64url(HMAC-SHA256(key, linkId))} without padding, 43 characters and
 * 256 bits. Any activity holding the key can rebuild a link's token from its ID, so the token is
 * never stored and never crosses Temporal; the database keeps only {@link #sha256(String)} of it.
 * Rotating the key kills every live link (docs/decisions/0001-link-tokens-hmac.md).
 *
 * <p>Never log a token or a URL made by {@link #url}.
 */
public final class LinkTokens {

  /** The shortest key accepted, in bytes. */
  public static final int MINIMUM_KEY_BYTES = 32;

  private static final String HMAC = "HmacSHA256";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  /**
   * @param key the secret; at least {@link #MINIMUM_KEY_BYTES} bytes (for a configured string, its
   *     UTF-8 bytes)
   */
  public LinkTokens(byte[] key) {
    if (key == null || key.length < MINIMUM_KEY_BYTES) {
      throw new IllegalArgumentException(
          "The link token key must be at least " + MINIMUM_KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key.clone(), HMAC);
  }

  /** The token of link {@code linkId}: the same for the same key and ID, every time. */
  public String token(UUID linkId) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return BASE64URL.encodeToString(mac.doFinal(bytes(linkId)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** The link's download address: {@code publicBaseUrl + "/download/" + token}. */
  public String url(String publicBaseUrl, UUID linkId) {
    String base =
        publicBaseUrl.endsWith("/")
            ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
            : publicBaseUrl;
    return base + "/download/" + token(linkId);
  }

  /** SHA-256 of the token's characters (US-ASCII): what {@code links.token_sha256} stores. */
  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The stored hash of link {@code linkId}'s token. */
  public byte[] tokenSha256(UUID linkId) {
    return sha256(token(linkId));
  }

  @Override
  public String toString() {
    return "LinkTokens{key=<redacted>}";
  }

  private static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits())
        .array();
  }
}
