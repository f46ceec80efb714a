package uk.gov.courier.api.auth;

import java.security.Principal;
import uk.gov.courier.users.Role;

/** Who is calling the JSON API, found from their API key. */
public record ApiUser(long id, String email, Role role) implements Principal {

  @Override
  public String getName() {
    return email;
  }
}
