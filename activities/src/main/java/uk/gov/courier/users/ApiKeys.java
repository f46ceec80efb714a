package uk.gov.courier.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Per-user API keys for the JSON API: 256 random bits, URL-safe, prefixed so a leaked key is easy
 * to recognise in a secret scanner. Only the SHA-256 of a key is stored; a high-entropy key needs
 * no slow hash.
 */
public final class ApiKeys {

  public static final String PREFIX = "courier_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
