package uk.gov.courier.notify;

/** One resource: turns a request into a response. May throw {@link NotifyApiException}. */
@FunctionalInterface
interface Endpoint {
  Response handle(Request request);
}
