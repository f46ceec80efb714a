package uk.gov.courier.console.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.gov.courier.console.layout.Banner;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.users.SessionService;
import uk.gov.courier.users.SignInService;
import uk.gov.courier.users.User;

/**
 * {@code /sign-in}: the one console page open to anyone. Its form carries a signed double-submit
 * token (a random nonce in an HttpOnly cookie, and its HMAC in the form), so another site cannot
 * sign a browser in. Signing in always starts a new session with a new ID, ending any session the
 * browser already had.
 */
@Path("/sign-in")
@Produces(MediaType.TEXT_HTML)
public final class SignInResource {

  /** The one answer to wrong details, whatever the cause, so it reveals no account. */
  static final String REFUSED = "Enter a correct email address and password";

  private static final Pattern SAFE_NEXT = Pattern.compile("/[A-Za-z0-9/_.~%?&=+,:;@-]*");
  private static final String DEFAULT_NEXT = "/dashboard";
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final SignInService signIn;
  private final SessionService sessions;
  private final CsrfTokens csrf;
  private final ConsoleCookies cookies;

  public SignInResource(
      SignInService signIn, SessionService sessions, CsrfTokens csrf, ConsoleCookies cookies) {
    this.signIn = signIn;
    this.sessions = sessions;
    this.csrf = csrf;
    this.cookies = cookies;
  }

  @GET
  public Response form(
      @QueryParam("next") String next,
      @QueryParam("signed_out") String signedOut,
      @QueryParam("timed_out") String timedOut,
      @Context HttpHeaders headers) {
    String nonce = nonceFor(headers);
    SignInView view = view(nonce, next, null);
    if (signedOut != null) {
      view.banner(new Banner("You have signed out", null, true));
    } else if (timedOut != null) {
      view.banner(
          new Banner(
              "Your session has ended",
              "You were signed out because you had not used Courier for "
                  + Formats.duration(sessions.settings().idleTimeout())
                  + ", or you signed in more than "
                  + Formats.duration(sessions.settings().absoluteTimeout())
                  + " ago. Sign in again to carry on.",
              false));
    }
    return page(200, view, nonce);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response signIn(
      @FormParam("email") String email,
      @FormParam("password") String password,
      @FormParam("next") String next,
      @FormParam(ConsoleAuthFilter.CSRF_FIELD) String token,
      @Context HttpHeaders headers,
      @Context HttpServletRequest request) {
    String nonce = cookie(headers, cookies.signInName());
    String formNonce = nonceFor(headers);
    if (!csrf.matchesSignIn(token, nonce)) {
      SignInView view = view(formNonce, next, email);
      view.fieldError(
          "email",
          "Your sign-in form had expired, so you have not been signed in. Enter your details"
              + " again.");
      return page(403, view, formNonce);
    }
    Optional<User> user;
    try {
      user =
          signIn.signIn(
              email, password, request.getRemoteAddr(), headers.getHeaderString("User-Agent"));
    } catch (CourierException invalid) {
      SignInView view = view(formNonce, next, email);
      invalid.fieldErrors().forEach(view::fieldError);
      return page(400, view, formNonce);
    }
    if (user.isEmpty()) {
      return page(403, view(formNonce, next, email).refused(), formNonce);
    }
    String previous = cookie(headers, cookies.sessionName());
    if (previous != null) {
      sessions.end(previous);
    }
    String sessionId = sessions.start(user.get().id());
    return Response.seeOther(URI.create(safeNext(next)))
        .cookie(cookies.session(sessionId), cookies.clearSignIn())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private SignInView view(String nonce, String next, String email) {
    return new SignInView(
        csrf.forSignIn(nonce),
        safeNext(next),
        email == null ? "" : email.strip(),
        "After "
            + signIn.settings().maxFailures()
            + " wrong attempts in a row you will not be able to sign in for "
            + Formats.duration(signIn.settings().lockDuration())
            + ".");
  }

  private Response page(int status, SignInView view, String nonce) {
    return Response.status(status)
        .entity(view)
        .cookie(cookies.signIn(nonce))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /**
   * The browser's sign-in nonce when it has a well-formed one, so two sign-in tabs both work;
   * otherwise a new one.
   */
  private String nonceFor(HttpHeaders headers) {
    String existing = cookie(headers, cookies.signInName());
    return existing != null && NONCE.matcher(existing).matches()
        ? existing
        : ConsoleCookies.newNonce();
  }

  private static String cookie(HttpHeaders headers, String name) {
    Cookie cookie = headers.getCookies().get(name);
    return cookie == null ? null : cookie.getValue();
  }

  /** Only a path on this site, so the sign-in page cannot send anyone elsewhere. */
  static String safeNext(String next) {
    if (next == null
        || next.length() > 500
        || next.startsWith("//")
        || !SAFE_NEXT.matcher(next).matches()
        || next.startsWith("/sign-in")) {
      return DEFAULT_NEXT;
    }
    return next;
  }
}
