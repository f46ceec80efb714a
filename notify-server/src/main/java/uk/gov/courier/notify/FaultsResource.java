package uk.gov.courier.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * {@code POST /_faults} with {@code {"status": 500, "count": 2}} makes the next two requests to
 * {@code /v2/*} fail; {@code "after_accepting": true} lets a send reach the outbox before its
 * response fails. {@code GET /_faults} shows what is pending; {@code DELETE /_faults} clears it.
 */
final class FaultsResource implements Endpoint {

  private final FaultInjector faults;

  FaultsResource(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  public Response handle(Request request) {
    if (!request.path().equals("/_faults")) {
      return Response.notFound();
    }
    return switch (request.method()) {
      case "POST" -> inject(request);
      case "DELETE" -> {
        faults.clear();
        yield Response.noContent();
      }
      case "GET" -> Response.json(200, state());
      default -> Response.methodNotAllowed();
    };
  }

  private Response inject(Request request) {
    JsonNode json;
    try {
      json = Json.MAPPER.readTree(request.body());
    } catch (IOException e) {
      throw NotifyApiException.validation("Invalid JSON supplied in POST data");
    }
    if (json == null || !json.isObject() || !json.path("status").isInt()) {
      throw NotifyApiException.validation(
          "Send {\"status\": 400|403|429|500, \"count\": N, \"after_accepting\": false}");
    }
    int count = json.path("count").asInt(1);
    if (count < 1) {
      throw NotifyApiException.validation("count must be at least 1");
    }
    Fault fault;
    try {
      fault = new Fault(json.get("status").asInt(), json.path("after_accepting").asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw NotifyApiException.validation(e.getMessage());
    }
    faults.failNext(fault, count);
    return Response.json(201, state());
  }

  private ObjectNode state() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    faults
        .state()
        .ifPresentOrElse(
            state ->
                json.put("status", state.fault().status())
                    .put("remaining", state.remaining())
                    .put("after_accepting", state.fault().afterAccepting()),
            () -> json.put("remaining", 0));
    return json;
  }
}
