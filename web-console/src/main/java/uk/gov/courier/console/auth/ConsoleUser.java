package uk.gov.courier.console.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import uk.gov.courier.users.Role;

/**
 * Who is signed in to the console, found from their session cookie, with the anti-forgery token
 * their forms must carry.
 */
public record ConsoleUser(long id, String email, String displayName, Role role, String csrfToken)
    implements Principal {

  @Override
  public String getName() {
    return email;
  }

  public boolean isSupport() {
    return role == Role.SUPPORT;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** The signed-in user of a console request ({@link ConsoleAuthFilter} put them there). */
  public static ConsoleUser of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof ConsoleUser user) {
      return user;
    }
    throw new IllegalStateException("Console resources must be marked @ConsolePage");
  }
}
