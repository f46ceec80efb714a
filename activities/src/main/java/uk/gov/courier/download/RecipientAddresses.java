package uk.gov.courier.download;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares the address a visitor typed with the address a link was sent to: both trimmed and
 * lower-cased, then their SHA-256 hashes compared in constant time, so the time taken says nothing
 * about how much of the address was right.
 */
final class RecipientAddresses {

  /** The same shape the database demands of recipient addresses. */
  private static final Pattern LOOKS_LIKE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private static final int MAX_LENGTH = 320;

  private RecipientAddresses() {}

  static String normalise(String address) {
    return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
  }

  static boolean isBlank(String typed) {
    return normalise(typed).isEmpty();
  }

  static boolean looksLikeAnAddress(String typed) {
    String address = normalise(typed);
    return address.length() <= MAX_LENGTH && LOOKS_LIKE_EMAIL.matcher(address).matches();
  }

  static boolean matches(String typed, String linkAddress) {
    return MessageDigest.isEqual(sha256(normalise(typed)), sha256(normalise(linkAddress)));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
