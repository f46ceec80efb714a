package uk.gov.courier.notify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The developer's view of what was sent: {@code GET /_outbox} (JSON), {@code GET /_outbox.html},
 * {@code DELETE /_outbox}, {@code /} which redirects to the page, and {@code GET /_status} as
 * Notify answers it for health checks. Both lists take optional {@code email_address} and {@code
 * reference} filters.
 */
final class OutboxResource implements Endpoint {

  private final Outbox outbox;

  OutboxResource(Outbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public Response handle(Request request) {
    boolean read = request.method().equals("GET") || request.method().equals("HEAD");
    switch (request.path()) {
      case "/_status" -> {
        // Notify's own unauthenticated status endpoint, which health checks call.
        return read
            ? Response.json(200, java.util.Map.of("status", "ok"))
            : Response.methodNotAllowed();
      }
      case "/", "/index.html" -> {
        return read ? Response.redirect("/_outbox.html") : Response.methodNotAllowed();
      }
      case "/_outbox" -> {
        if (request.method().equals("DELETE")) {
          outbox.clear();
          return Response.noContent();
        }
        return read ? Response.json(200, filtered(request)) : Response.methodNotAllowed();
      }
      case "/_outbox.html" -> {
        return read
            ? Response.html(OutboxPage.render(filtered(request)))
            : Response.methodNotAllowed();
      }
      default -> {
        return Response.notFound();
      }
    }
  }

  private List<OutboxMessage> filtered(Request request) {
    Optional<String> emailAddress = request.queryParam("email_address");
    Optional<String> reference = request.queryParam("reference");
    return outbox.newestFirst().stream()
        .filter(
            message ->
                emailAddress.isEmpty()
                    || message
                        .emailAddress()
                        .toLowerCase(Locale.ROOT)
                        .equals(emailAddress.get().strip().toLowerCase(Locale.ROOT)))
        .filter(message -> reference.isEmpty() || reference.get().equals(message.reference()))
        .toList();
  }
}
