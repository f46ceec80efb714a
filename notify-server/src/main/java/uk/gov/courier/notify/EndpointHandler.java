package uk.gov.courier.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts an {@link Endpoint} to the JDK server: reads the request, maps errors to Notify's shape
 * (anything unexpected becomes Notify's 500), writes the response and logs one line of method, path
 * and status. Query strings, headers and bodies are never logged.
 */
final class EndpointHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointHandler.class);
  private static final int MAX_BODY_BYTES = 5 * 1024 * 1024;

  private final Endpoint endpoint;

  EndpointHandler(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response = respond(exchange);
      write(exchange, response);
      LOG.info(
          "{} {} {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(),
          response.status());
    }
  }

  private Response respond(HttpExchange exchange) {
    try {
      byte[] body = readBody(exchange.getRequestBody());
      String rawQuery = exchange.getRequestURI().getRawQuery();
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              rawQuery,
              Request.parseQuery(rawQuery),
              exchange.getRequestHeaders().getFirst("Authorization"),
              body);
      return endpoint.handle(request);
    } catch (NotifyApiException e) {
      return Response.error(e);
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "Failed {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
      return Response.error(NotifyApiException.internalServerError());
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw NotifyApiException.of(413, "BadRequestError", "Request body is too large");
    }
    return body;
  }

  private static void write(HttpExchange exchange, Response response) throws IOException {
    response.headers().forEach(exchange.getResponseHeaders()::set);
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    boolean empty = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }
}
