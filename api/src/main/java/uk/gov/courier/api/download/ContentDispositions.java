package uk.gov.courier.api.download;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the file's name twice: a plain ASCII {@code
 * filename} every browser reads, and {@code filename*=UTF-8''...} (RFC 6266, RFC 8187) with the
 * exact name, percent-encoded.
 */
final class ContentDispositions {

  private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

  private ContentDispositions() {}

  static String attachment(String filename) {
    String name = filename == null || filename.isBlank() ? "courier-file.csv" : filename;
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
  }

  /** Letters, digits, dot, hyphen and underscore kept; anything else becomes an underscore. */
  static String ascii(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            c ->
                out.append(
                    c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')
                        ? (char) c
                        : '_'));
    return out.toString();
  }

  /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte as %XX. */
  static String encoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128
          && (Character.isLetterOrDigit(c) || ATTR_CHAR_PUNCTUATION.indexOf((char) c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
