package uk.gov.courier.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries: no inline script or third-party content, no framing, no MIME
 * sniffing, no referrer leaving Courier.
 */
public final class SecurityHeadersFilter implements Filter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    http.setHeader("X-Content-Type-Options", "nosniff");
    http.setHeader("X-Frame-Options", "DENY");
    http.setHeader("Referrer-Policy", "no-referrer");
    String path = ((HttpServletRequest) request).getRequestURI();
    if (path.startsWith("/api/") || path.equals("/api")) {
      // API answers carry email addresses and client addresses: never keep them in a cache.
      http.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
