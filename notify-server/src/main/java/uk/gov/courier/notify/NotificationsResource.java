package uk.gov.courier.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Notify's v2 email API: {@code POST /v2/notifications/email}, {@code GET /v2/notifications/{id}}
 * and {@code GET /v2/notifications}. Every request first meets any injected fault, then the JWT
 * check.
 */
final class NotificationsResource implements Endpoint {

  static final int PAGE_SIZE = 250;

  private static final String NOTIFICATIONS = "/v2/notifications";
  private static final Set<String> LIST_PARAMETERS =
      Set.of("reference", "status", "template_type", "older_than", "include_jobs");
  private static final Set<String> STATUSES =
      Set.of(
          "cancelled",
          "created",
          "sending",
          "sent",
          "delivered",
          "pending",
          "failed",
          "technical-failure",
          "temporary-failure",
          "permanent-failure",
          "pending-virus-check",
          "validation-failed",
          "virus-scan-failed",
          "returned-letter",
          "accepted",
          "received");
  private static final Set<String> TEMPLATE_TYPES = Set.of("sms", "email", "letter");

  private final NotificationService service;
  private final JwtAuthenticator authenticator;
  private final FaultInjector faults;
  private final NotificationJson views;
  private final String baseUrl;
  private final IntSupplier rateLimitPerMinute;

  NotificationsResource(
      NotificationService service,
      JwtAuthenticator authenticator,
      FaultInjector faults,
      NotificationJson views,
      String baseUrl,
      IntSupplier rateLimitPerMinute) {
    this.service = service;
    this.authenticator = authenticator;
    this.faults = faults;
    this.views = views;
    this.baseUrl = baseUrl;
    this.rateLimitPerMinute = rateLimitPerMinute;
  }

  @Override
  public Response handle(Request request) {
    Optional<Fault> fault = faults.take();
    if (fault.isPresent() && !fault.get().afterAccepting()) {
      throw fault.get().toException(rateLimitPerMinute.getAsInt());
    }
    authenticator.authenticate(request.authorization());
    Response response = route(request);
    if (fault.isPresent()) {
      throw fault.get().toException(rateLimitPerMinute.getAsInt());
    }
    return response;
  }

  private Response route(Request request) {
    String path = request.path();
    String method = request.method();
    if (path.equals(NOTIFICATIONS + "/email")) {
      return method.equals("POST") ? sendEmail(request) : Response.methodNotAllowed();
    }
    if (path.equals(NOTIFICATIONS) || path.equals(NOTIFICATIONS + "/")) {
      return method.equals("GET") ? list(request) : Response.methodNotAllowed();
    }
    String rest =
        path.startsWith(NOTIFICATIONS + "/") ? path.substring(NOTIFICATIONS.length() + 1) : "";
    if (method.equals("GET") && !rest.isEmpty() && !rest.contains("/")) {
      return getById(rest);
    }
    return Response.error(
        NotifyApiException.of(
            404,
            "NotFound",
            "notify-server supports the v2 email API only; not found: " + method + " " + path));
  }

  private Response sendEmail(Request request) {
    OutboxMessage message = service.sendEmail(SendEmailRequest.parse(request.body()));
    return Response.json(201, views.sendEmailResponse(message));
  }

  private Response getById(String id) {
    if (!ApiKey.isUuid(id)) {
      throw NotifyApiException.validation("notification_id is not a valid UUID");
    }
    return service
        .find(UUID.fromString(id))
        .map(message -> Response.json(200, views.notification(message)))
        .orElseThrow(NotifyApiException::noResultFound);
  }

  private Response list(Request request) {
    List<String> problems = new ArrayList<>();
    for (String name : request.query().keySet()) {
      if (!LIST_PARAMETERS.contains(name)) {
        problems.add("Additional properties are not allowed (" + name + " was unexpected)");
      }
    }
    List<String> statuses = request.queryParams("status");
    for (String status : statuses) {
      if (!STATUSES.contains(status)) {
        problems.add(
            "status "
                + status
                + " is not one of "
                + String.join(", ", STATUSES.stream().sorted().toList()));
      }
    }
    List<String> templateTypes = request.queryParams("template_type");
    for (String type : templateTypes) {
      if (!TEMPLATE_TYPES.contains(type)) {
        problems.add("template_type " + type + " is not one of [sms, email, letter]");
      }
    }
    Optional<String> olderThan = request.queryParam("older_than");
    if (olderThan.isPresent() && !ApiKey.isUuid(olderThan.get())) {
      problems.add("older_than is not a valid UUID");
    }
    if (!problems.isEmpty()) {
      throw NotifyApiException.validation(problems);
    }
    Optional<String> reference = request.queryParam("reference");
    List<OutboxMessage> matching = new ArrayList<>();
    boolean older = olderThan.isEmpty();
    for (OutboxMessage message : service.newestFirst()) {
      if (!older) {
        older = message.id().toString().equalsIgnoreCase(olderThan.get());
        continue;
      }
      if (reference.isPresent() && !reference.get().equals(message.reference())) {
        continue;
      }
      if (!statuses.isEmpty() && !statuses.contains("delivered")) {
        continue;
      }
      if (!templateTypes.isEmpty() && !templateTypes.contains("email")) {
        continue;
      }
      matching.add(message);
    }
    return Response.json(200, page(request, matching));
  }

  private ObjectNode page(Request request, List<OutboxMessage> matching) {
    List<OutboxMessage> page = matching.subList(0, Math.min(PAGE_SIZE, matching.size()));
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode notifications = json.putArray("notifications");
    page.forEach(message -> notifications.add(views.notification(message)));
    ObjectNode links = json.putObject("links");
    String current = baseUrl + NOTIFICATIONS;
    links.put("current", request.rawQuery() == null ? current : current + "?" + request.rawQuery());
    if (matching.size() > PAGE_SIZE) {
      StringBuilder next = new StringBuilder(current).append('?');
      request
          .query()
          .forEach(
              (name, values) -> {
                if (!name.equals("older_than")) {
                  values.forEach(
                      value ->
                          next.append(encode(name)).append('=').append(encode(value)).append('&'));
                }
              });
      next.append("older_than=").append(page.get(page.size() - 1).id());
      links.put("next", next.toString());
    }
    return json;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
