package uk.gov.courier.console.auth;

import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;

/**
 * The console's two cookies, both {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, and
 * {@code Secure} with the {@code __Host-} name prefix unless secure cookies are turned off (plain
 * HTTP development only). Neither has an expiry, so closing the browser drops them; the server ends
 * sessions by its own timeouts.
 *
 * <ul>
 *   <li>the session cookie holds the session ID;
 *   <li>the sign-in cookie holds the random nonce the sign-in form's anti-forgery token is made
 *       from, and is cleared at sign-in.
 * </ul>
 */
public final class ConsoleCookies {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final boolean secure;

  public ConsoleCookies(boolean secure) {
    this.secure = secure;
  }

  public String sessionName() {
    return secure ? "__Host-courier_session" : "courier_session";
  }

  public String signInName() {
    return secure ? "__Host-courier_sign_in" : "courier_sign_in";
  }

  public NewCookie session(String sessionId) {
    return cookie(sessionName(), sessionId).build();
  }

  public NewCookie clearSession() {
    return cleared(sessionName());
  }

  public NewCookie signIn(String nonce) {
    return cookie(signInName(), nonce).build();
  }

  public NewCookie clearSignIn() {
    return cleared(signInName());
  }

  /** A new random nonce for the sign-in cookie. */
  public static String newNonce() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private NewCookie.Builder cookie(String name, String value) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .secure(secure)
        .httpOnly(true)
        .sameSite(NewCookie.SameSite.LAX);
  }

  private NewCookie cleared(String name) {
    return cookie(name, "").maxAge(0).expiry(new Date(0)).build();
  }
}
