package uk.gov.courier.download;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-forgery tokens for the download form (CSRF): {@code <issued>.<mac>}, where {@code issued} is
 * the epoch second the page was shown and {@code mac} is base64url HMAC-SHA256 of the link ID and
 * that second, under a key derived from Courier's link token key. A POST must carry the token its
 * own link's page issued, less than {@link #LIFETIME} ago. Nothing is stored, so any number of web
 * instances accept each other's tokens.
 */
public final class FormTokens {

  /** How long a landing page's form can be submitted after the page was shown. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** Clocks of web instances may differ by this much. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private static final String HMAC = "HmacSHA256";
  private static final byte[] PURPOSE =
      "courier/download-form-token/v1".getBytes(StandardCharsets.US_ASCII);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  /**
   * @param secret Courier's link token key; a separate key is derived from it, so a form token
   *     never doubles as a link token
   */
  public FormTokens(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("The form token secret must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(mac(new SecretKeySpec(secret, HMAC), PURPOSE), HMAC);
  }

  /** A token for the form on link {@code linkId}'s page, shown at {@code now}. */
  public String issue(UUID linkId, Instant now) {
    long issued = now.getEpochSecond();
    return issued + "." + BASE64URL.encodeToString(mac(key, message(linkId, issued)));
  }

  /** True when {@code token} was issued for {@code linkId} within {@link #LIFETIME} of now. */
  public boolean isValid(String token, UUID linkId, Instant now) {
    if (token == null || token.length() > 100) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return false;
    }
    long issued;
    try {
      issued = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    Instant at = Instant.ofEpochSecond(issued);
    if (at.isAfter(now.plus(SKEW)) || at.plus(LIFETIME).isBefore(now)) {
      return false;
    }
    byte[] expected =
        BASE64URL
            .encodeToString(mac(key, message(linkId, issued)))
            .getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  @Override
  public String toString() {
    return "FormTokens{key=<redacted>}";
  }

  private static byte[] message(UUID linkId, long issued) {
    return ByteBuffer.allocate(24)
        .putLong(linkId.getMostSignificantBits())
        .putLong(linkId.getLeastSignificantBits())
        .putLong(issued)
        .array();
  }

  private static byte[] mac(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
