package uk.gov.courier.console.auth;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body already read into memory (the console's only multipart form is
 * the sample upload, whose size is limited before it is read): its parts by field name. A part cut
 * off by the size limit runs to the end of what was read.
 */
public final class MultipartForm {

  /** One field: its name, the file's name and type when it is a file, and its bytes. */
  public record Part(String name, String filename, String contentType, byte[] content) {

    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private final Map<String, Part> parts;

  private MultipartForm(Map<String, Part> parts) {
    this.parts = parts;
  }

  public Optional<Part> part(String name) {
    return Optional.ofNullable(parts.get(name));
  }

  /** True for {@code multipart/form-data} with a boundary. */
  public static boolean isMultipart(MediaType type) {
    return type != null
        && "multipart".equalsIgnoreCase(type.getType())
        && "form-data".equalsIgnoreCase(type.getSubtype())
        && boundary(type) != null;
  }

  /** The parts of {@code body}; empty when it is not a well-formed multipart body. */
  public static MultipartForm parse(byte[] body, MediaType type) {
    Map<String, Part> parts = new LinkedHashMap<>();
    String boundaryText = type == null ? null : boundary(type);
    if (body == null || boundaryText == null) {
      return new MultipartForm(parts);
    }
    byte[] delimiter = ("--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1);
    byte[] nextDelimiter = ("\r\n--" + boundaryText).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int lineEnd = at + delimiter.length;
      if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
        break;
      }
      int headersStart = indexOf(body, new byte[] {'\r', '\n'}, lineEnd);
      if (headersStart < 0) {
        break;
      }
      headersStart += 2;
      int headersEnd = indexOf(body, new byte[] {'\r', '\n', '\r', '\n'}, headersStart);
      if (headersEnd < 0) {
        break;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, nextDelimiter, contentStart);
      int contentEnd = next < 0 ? body.length : next;
      Part part = part(headers, Arrays.copyOfRange(body, contentStart, contentEnd));
      if (part != null && !parts.containsKey(part.name())) {
        parts.put(part.name(), part);
      }
      at = next < 0 ? -1 : next + 2;
    }
    return new MultipartForm(parts);
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String filename = null;
    String contentType = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (header.equals("content-disposition")) {
        name = parameter(value, "name");
        filename = parameter(value, "filename");
      } else if (header.equals("content-type")) {
        contentType = value;
      }
    }
    return name == null ? null : new Part(name, filename, contentType, content);
  }

  /** A parameter of a Content-Disposition value, quoted or not. */
  static String parameter(String value, String key) {
    for (String piece : value.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      String p = piece.strip();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(key)) {
        String v = p.substring(eq + 1).strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
      }
    }
    return null;
  }

  private static String boundary(MediaType type) {
    String boundary = type.getParameters().get("boundary");
    if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
      return null;
    }
    return boundary;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
