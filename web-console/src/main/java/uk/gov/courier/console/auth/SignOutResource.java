package uk.gov.courier.console.auth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import uk.gov.courier.users.Role;
import uk.gov.courier.users.SessionService;

/** {@code POST /sign-out}: ends the session in the database and drops the cookie. */
@Path("/sign-out")
@ConsolePage
public final class SignOutResource {

  private final SessionService sessions;
  private final ConsoleCookies cookies;

  public SignOutResource(SessionService sessions, ConsoleCookies cookies) {
    this.sessions = sessions;
    this.cookies = cookies;
  }

  @POST
  @Allowed({Role.SUPPORT, Role.AUDITOR, Role.ADMIN})
  public Response signOut(@Context HttpHeaders headers) {
    Cookie session = headers.getCookies().get(cookies.sessionName());
    if (session != null) {
      sessions.end(session.getValue());
    }
    return Response.seeOther(URI.create("/sign-in?signed_out=true"))
        .cookie(cookies.clearSession())
        .build();
  }
}
