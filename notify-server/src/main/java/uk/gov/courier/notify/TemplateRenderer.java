package uk.gov.courier.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {@code ((placeholders))} the way Notify does.
 *
 * <ul>
 *   <li>Names match ignoring case, spaces, hyphens and underscores ({@code ((File name))} takes
 *       {@code file_name}).
 *   <li>{@code ((name??text))} shows {@code text} when the value is yes, y, true, t, 1, include or
 *       show (any case), and nothing otherwise. The name is still required.
 *   <li>Values are inserted exactly as given: no HTML escaping, no markdown escaping. A list value
 *       becomes a bulleted list.
 *   <li>A placeholder whose value is missing or null is reported, subject first then body, in the
 *       order they first appear.
 * </ul>
 */
final class TemplateRenderer {

  record RenderedEmail(String subject, String body) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]+)\\)\\)");
  private static final Set<String> TRUTHY = Set.of("yes", "y", "true", "t", "1", "include", "show");

  static List<String> missingPersonalisation(
      NotifyTemplate template, Map<String, ?> personalisation) {
    Map<String, Object> values = byKey(personalisation);
    Map<String, String> missing = new LinkedHashMap<>();
    for (String text : List.of(template.subject(), template.body())) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) {
        String name = nameOf(matcher.group(1));
        String key = key(name);
        if (values.get(key) == null) {
          missing.putIfAbsent(key, name);
        }
      }
    }
    return new ArrayList<>(missing.values());
  }

  static RenderedEmail render(NotifyTemplate template, Map<String, ?> personalisation) {
    Map<String, Object> values = byKey(personalisation);
    return new RenderedEmail(
        fill(template.subject(), values).replaceAll("\\s*\\R\\s*", " ").strip(),
        fill(template.body(), values));
  }

  private static String fill(String text, Map<String, Object> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String placeholder = matcher.group(1);
      Object value = values.get(key(nameOf(placeholder)));
      String replacement;
      int conditional = placeholder.indexOf("??");
      if (conditional >= 0) {
        replacement = isTruthy(value) ? placeholder.substring(conditional + 2) : "";
      } else {
        replacement = asText(value);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String nameOf(String placeholder) {
    int conditional = placeholder.indexOf("??");
    return (conditional >= 0 ? placeholder.substring(0, conditional) : placeholder).strip();
  }

  /** Notify's insensitive key: no whitespace, hyphens or underscores, lower case. */
  static String key(String name) {
    return name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> byKey(Map<String, ?> personalisation) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (personalisation != null) {
      personalisation.forEach((name, value) -> values.put(key(name), value));
    }
    return values;
  }

  private static boolean isTruthy(Object value) {
    return value != null && TRUTHY.contains(asText(value).strip().toLowerCase(Locale.ROOT));
  }

  private static String asText(Object value) {
    if (value instanceof List<?> items) {
      StringBuilder list = new StringBuilder();
      for (Object item : items) {
        list.append(list.length() == 0 ? "" : "\n").append("* ").append(asText(item));
      }
      return list.toString();
    }
    return value == null ? "" : String.valueOf(value);
  }

  private TemplateRenderer() {}
}
