package uk.gov.courier.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anti-forgery (CSRF) tokens for console forms, HMAC-SHA256 under a key derived from Courier's
 * secret, so every web instance makes and checks the same tokens and nothing is stored:
 *
 * <ul>
 *   <li>signed in: a synchronizer token tied to the session, {@code HMAC(key, "session:" +
 *       SHA-256(session ID))}; it changes whenever the session does (at every sign-in);
 *   <li>the sign-in form: a signed double-submit token, {@code HMAC(key, "sign-in:" + nonce)},
 *       where the nonce is random and sits in its own HttpOnly cookie.
 * </ul>
 */
public final class CsrfTokens {

  private static final String HMAC = "HmacSHA256";
  private static final byte[] PURPOSE =
      "courier/console-csrf-token/v1".getBytes(StandardCharsets.US_ASCII);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  /**
   * @param secret Courier's secret (the link token key); a separate key is derived from it, so a
   *     form token never doubles as anything else
   */
  public CsrfTokens(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("The CSRF secret must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(mac(new SecretKeySpec(secret, HMAC), PURPOSE), HMAC);
  }

  /** The token for the forms of the session whose ID hashes to {@code sessionDigest}. */
  public String forSession(String sessionDigest) {
    return token("session:" + sessionDigest);
  }

  public boolean matchesSession(String token, String sessionDigest) {
    return matches(token, forSession(sessionDigest));
  }

  /** The token for a sign-in form whose nonce cookie holds {@code nonce}. */
  public String forSignIn(String nonce) {
    return token("sign-in:" + nonce);
  }

  public boolean matchesSignIn(String token, String nonce) {
    return nonce != null && !nonce.isBlank() && matches(token, forSignIn(nonce));
  }

  @Override
  public String toString() {
    return "CsrfTokens{key=<redacted>}";
  }

  private String token(String message) {
    return BASE64URL.encodeToString(mac(key, message.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean matches(String given, String expected) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
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
