package uk.gov.courier.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML escaping, and turning plain text into escaped HTML with http(s) links clickable. */
final class Html {

  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");
  private static final String TRAILING_PUNCTUATION = ".,;:!?";

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes everything; only {@code http://} and {@code https://} URLs become links. */
  static String linkify(String text) {
    if (text == null) {
      return "";
    }
    Matcher matcher = URL.matcher(text);
    StringBuilder out = new StringBuilder();
    int position = 0;
    while (matcher.find()) {
      String url = matcher.group();
      int end = url.length();
      while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
        end--;
      }
      url = url.substring(0, end);
      out.append(escape(text.substring(position, matcher.start())));
      out.append("<a href=\"")
          .append(escape(url))
          .append("\" rel=\"noreferrer noopener\">")
          .append(escape(url))
          .append("</a>");
      position = matcher.start() + end;
    }
    out.append(escape(text.substring(position)));
    return out.toString();
  }

  private Html() {}
}
