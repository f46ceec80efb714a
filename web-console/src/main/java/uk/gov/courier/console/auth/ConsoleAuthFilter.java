package uk.gov.courier.console.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.ContainerRequest;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.users.Role;
import uk.gov.courier.users.SessionService;
import uk.gov.courier.users.SessionUser;

/**
 * Guards every {@link ConsolePage} resource, in this order:
 *
 * <ol>
 *   <li>a live session (cookie → PostgreSQL): without one, the browser is sent to the sign-in page,
 *       and nothing else happens;
 *   <li>for anything but GET and HEAD: the session's anti-forgery token in the form's {@code
 *       csrf_token} field, or a 403 page and nothing changed;
 *   <li>the role: {@link Allowed} on the method or class; a GET without it is open to every role,
 *       any other method without it is refused (so a new form cannot forget to say who may use it).
 * </ol>
 *
 * <p>Console pages are never cached: they show personal data and change with every action.
 */
@ConsolePage
@Priority(Priorities.AUTHENTICATION)
public final class ConsoleAuthFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** The hidden field every console form carries. */
  public static final String CSRF_FIELD = "csrf_token";

  static final String FORGED =
      "This form could not be accepted because its security token was missing or out of date, so"
          + " nothing was changed. This can happen when a page was opened before you last signed"
          + " in. Go back, refresh the page and try again.";

  /**
   * The request property holding a multipart body's parts ({@link MultipartForm}), read once here
   * so the resource does not read the body again.
   */
  public static final String MULTIPART_FORM = "courier.console.multipartForm";

  /**
   * The request property that is {@code true} when a multipart body was longer than the filter
   * reads: the form holds what was read, and the last part is cut off.
   */
  public static final String MULTIPART_TRUNCATED = "courier.console.multipartTruncated";

  /** Without a configured limit, the most of a multipart body the filter reads. */
  public static final long DEFAULT_MAX_MULTIPART_BYTES = 4L * 1024 * 1024;

  private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  @Context private ResourceInfo resourceInfo;

  private final SessionService sessions;
  private final CsrfTokens csrf;
  private final ConsoleCookies cookies;
  private final long maxMultipartBytes;

  public ConsoleAuthFilter(SessionService sessions, CsrfTokens csrf, ConsoleCookies cookies) {
    this(sessions, csrf, cookies, DEFAULT_MAX_MULTIPART_BYTES);
  }

  /**
   * @param maxMultipartBytes the most of a {@code multipart/form-data} body read into memory; the
   *     anti-forgery field comes first in the console's upload form, so it is read even when the
   *     file is too big, and the rest of the body is never read
   */
  public ConsoleAuthFilter(
      SessionService sessions, CsrfTokens csrf, ConsoleCookies cookies, long maxMultipartBytes) {
    this.sessions = sessions;
    this.csrf = csrf;
    this.cookies = cookies;
    this.maxMultipartBytes = Math.max(1024, Math.min(maxMultipartBytes, Integer.MAX_VALUE - 16));
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(cookies.sessionName());
    Optional<SessionUser> session =
        cookie == null ? Optional.empty() : sessions.resume(cookie.getValue());
    if (session.isEmpty()) {
      request.abortWith(toSignIn(request, cookie != null));
      return;
    }
    SessionUser signedIn = session.get();
    ConsoleUser user =
        new ConsoleUser(
            signedIn.userId(),
            signedIn.email(),
            signedIn.displayName(),
            signedIn.role(),
            csrf.forSession(signedIn.sessionDigest()));
    boolean safe = SAFE.contains(request.getMethod());
    if (!safe && !csrf.matchesSession(formToken(request), signedIn.sessionDigest())) {
      throw CourierException.notAllowed(FORGED);
    }
    Role[] allowed = allowedRoles();
    if (allowed == null ? !safe : Arrays.stream(allowed).noneMatch(r -> r == user.role())) {
      throw CourierException.notAllowed(
          "Your role ("
              + user.role().dbValue()
              + ") does not allow this, so nothing was changed. Ask a colleague with the right"
              + " role, or an admin.");
    }
    request.setSecurityContext(new ConsoleSecurity(user, request.getSecurityContext().isSecure()));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  /**
   * To the sign-in page, coming back here afterwards (for a page; a form is not re-sent), and
   * dropping a session cookie that no longer works.
   */
  private static Response toSignIn(ContainerRequestContext request, boolean hadCookie) {
    UriBuilder signIn = UriBuilder.fromPath("/sign-in");
    if (SAFE.contains(request.getMethod())) {
      String path = "/" + request.getUriInfo().getPath(false);
      String query = request.getUriInfo().getRequestUri().getRawQuery();
      signIn.queryParam("next", query == null ? path : path + "?" + query);
    }
    if (hadCookie) {
      signIn.queryParam("timed_out", "true");
    }
    return Response.seeOther(signIn.build()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  private String formToken(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (MultipartForm.isMultipart(type)) {
      return multipartToken(request, type);
    }
    if (type == null
        || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
        || !(request instanceof ContainerRequest jersey)) {
      return null;
    }
    // Buffered, so the resource's @FormParam fields read the same body again.
    jersey.bufferEntity();
    Form form = jersey.readEntity(Form.class);
    return form == null ? null : form.asMap().getFirst(CSRF_FIELD);
  }

  /**
   * Reads at most {@link #maxMultipartBytes} (and one byte more, to know it was cut off) of a
   * multipart body, keeps its parts for the resource, and answers its {@code csrf_token} field.
   */
  private String multipartToken(ContainerRequestContext request, MediaType type) {
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes((int) maxMultipartBytes + 1);
    } catch (IOException e) {
      return null;
    }
    boolean truncated = body.length > maxMultipartBytes;
    if (truncated) {
      body = Arrays.copyOf(body, (int) maxMultipartBytes);
    }
    MultipartForm form = MultipartForm.parse(body, type);
    request.setProperty(MULTIPART_FORM, form);
    request.setProperty(MULTIPART_TRUNCATED, truncated);
    request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    return form.part(CSRF_FIELD).map(MultipartForm.Part::text).orElse(null);
  }

  private Role[] allowedRoles() {
    Method method = resourceInfo.getResourceMethod();
    if (method != null && method.isAnnotationPresent(Allowed.class)) {
      return method.getAnnotation(Allowed.class).value();
    }
    Class<?> type = resourceInfo.getResourceClass();
    if (type != null && type.isAnnotationPresent(Allowed.class)) {
      return type.getAnnotation(Allowed.class).value();
    }
    return null;
  }

  /** The signed-in console user as JAX-RS sees them. */
  private record ConsoleSecurity(ConsoleUser user, boolean secure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return user;
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.role().dbValue().equals(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return SecurityContext.FORM_AUTH;
    }
  }
}
