package uk.gov.courier.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response to write: status, content type, body and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json; charset=utf-8";

  static Response json(int status, Object value) {
    try {
      return new Response(status, JSON, Json.MAPPER.writeValueAsBytes(value), Map.of());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Response error(NotifyApiException error) {
    return json(error.status(), error.toJson());
  }

  static Response html(String page) {
    return new Response(
        200,
        "text/html; charset=utf-8",
        page.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'",
            "Referrer-Policy",
            "no-referrer",
            "X-Content-Type-Options",
            "nosniff",
            "X-Frame-Options",
            "DENY",
            "Cache-Control",
            "no-store"));
  }

  static Response text(int status, String text) {
    return new Response(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static Response redirect(String location) {
    return new Response(302, null, new byte[0], Map.of("Location", location));
  }

  static Response noContent() {
    return new Response(204, null, new byte[0], Map.of());
  }

  static Response notFound() {
    return error(
        NotifyApiException.of(404, "NotFound", "The requested URL was not found on the server"));
  }

  static Response methodNotAllowed() {
    return error(
        NotifyApiException.of(
            405, "MethodNotAllowed", "The method is not allowed for the requested URL"));
  }
}
