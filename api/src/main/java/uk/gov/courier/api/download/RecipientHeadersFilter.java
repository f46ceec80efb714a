package uk.gov.courier.api.download;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every response under {@code /download/}, pages, errors and files alike, on top of
 * those every response carries ({@code SecurityHeadersFilter}: CSP, nosniff, frame denial,
 * no-referrer): nothing is cached anywhere, and search engines index and follow nothing.
 *
 * <p>It never reads the request's parameters or body: that would consume the form before Jersey
 * reads it.
 */
public final class RecipientHeadersFilter implements Filter {

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse http = (HttpServletResponse) response;
    http.setHeader("Cache-Control", "no-store");
    http.setHeader("Pragma", "no-cache");
    http.setHeader("X-Robots-Tag", "noindex, nofollow");
    http.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
