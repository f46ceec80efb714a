package uk.gov.courier.users;

import java.security.SecureRandom;

/**
 * Passwords Courier makes for people (a new user, a reset): 20 characters from an alphabet without
 * look-alikes (no 0/o, 1/l/i), in groups of five: about 99 random bits that can be read out or
 * typed without mistakes. Shown once, never stored: only their Argon2id hash is.
 */
public final class Passwords {

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int GROUPS = 4;
  private static final int GROUP_LENGTH = 5;

  private Passwords() {}

  /** E.g. {@code "k7wzq-m3bn8-tx2pe-9hdra"}. */
  public static String generate() {
    StringBuilder password = new StringBuilder();
    for (int group = 0; group < GROUPS; group++) {
      if (group > 0) {
        password.append('-');
      }
      for (int i = 0; i < GROUP_LENGTH; i++) {
        password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
    }
    return password.toString();
  }
}
