package uk.gov.courier.api.logging;

import java.util.regex.Pattern;

/**
 * Takes link tokens out of log lines. Two rules, so a token is caught however it arrives: whatever
 * follows {@code /download/} in a path (request line, URL, Referer), and any free-standing run of
 * 43 base64url characters, the shape of every token {@code LinkTokens} makes.
 */
public final class TokenRedaction {

  public static final String REDACTED = "[redacted]";

  private static final Pattern DOWNLOAD_PATH =
      Pattern.compile("(?i)(/download(?:/|%2F))[^\\s\"'<>]+");

  private static final Pattern TOKEN_SHAPED =
      Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

  private TokenRedaction() {}

  public static String redact(String line) {
    if (line == null || line.isEmpty()) {
      return line;
    }
    String redacted = DOWNLOAD_PATH.matcher(line).replaceAll("$1" + REDACTED);
    return TOKEN_SHAPED.matcher(redacted).replaceAll(REDACTED);
  }
}
