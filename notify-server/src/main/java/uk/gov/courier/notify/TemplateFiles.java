package uk.gov.courier.notify;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one template file. The file starts with a header of {@code key: value} lines ({@code id},
 * {@code name}, {@code subject}, optionally {@code version}), then one blank line, then the body
 * exactly as it would be pasted into Notify's message box.
 */
final class TemplateFiles {

  private static final Set<String> HEADER_KEYS = Set.of("id", "name", "subject", "version");

  static NotifyTemplate parse(String fileName, String content) {
    String text = content.replace("\r\n", "\n").replace('\r', '\n');
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int end = text.indexOf("\n\n");
    if (end < 0) {
      throw invalid(fileName, "needs a header, then a blank line, then the body");
    }
    Map<String, String> header = new HashMap<>();
    for (String line : text.substring(0, end).split("\n")) {
      int colon = line.indexOf(':');
      String key = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase();
      if (!HEADER_KEYS.contains(key)) {
        throw invalid(fileName, "header lines must be one of " + HEADER_KEYS + ": " + line);
      }
      if (header.put(key, line.substring(colon + 1).trim()) != null) {
        throw invalid(fileName, "header repeats " + key);
      }
    }
    String id = required(fileName, header, "id");
    if (!ApiKey.isUuid(id)) {
      throw invalid(fileName, "id is not a UUID: " + id);
    }
    String body = text.substring(end + 2).strip();
    if (body.isEmpty()) {
      throw invalid(fileName, "body is empty");
    }
    return new NotifyTemplate(
        UUID.fromString(id),
        required(fileName, header, "name"),
        version(fileName, header.getOrDefault("version", "1")),
        required(fileName, header, "subject"),
        body);
  }

  private static String required(String fileName, Map<String, String> header, String key) {
    String value = header.get(key);
    if (value == null || value.isEmpty()) {
      throw invalid(fileName, "header needs " + key);
    }
    return value;
  }

  private static int version(String fileName, String text) {
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(fileName, "version must be a whole number from 1: " + text);
  }

  private static IllegalArgumentException invalid(String fileName, String problem) {
    return new IllegalArgumentException("Template " + fileName + ": " + problem);
  }

  private TemplateFiles() {}
}
