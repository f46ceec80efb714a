package uk.gov.courier.download;

/**
 * Who is asking, as far as an anonymous web request can say: what the attempt record keeps.
 *
 * @param method {@code GET}, {@code HEAD} or {@code POST}
 * @param clientAddress the connection's remote address (behind a trusted proxy, Jetty's
 *     forwarded-request handling makes this the original client's; docs/security.md)
 * @param userAgent the User-Agent header, or null
 * @param requestId the request's ID, which pages and logs quote
 * @param crossSite the browser said the request came from another site ({@code Sec-Fetch-Site:
 *     cross-site})
 */
public record Visitor(
    String method, String clientAddress, String userAgent, String requestId, boolean crossSite) {

  static final int MAX_USER_AGENT = 512;
  static final int MAX_ADDRESS = 100;

  public Visitor {
    method = method == null ? "GET" : method;
    clientAddress = clip(clientAddress == null ? "unknown" : clientAddress, MAX_ADDRESS);
    userAgent = userAgent == null ? null : clip(userAgent, MAX_USER_AGENT);
    requestId = requestId == null ? null : clip(requestId, 64);
  }

  private static String clip(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
