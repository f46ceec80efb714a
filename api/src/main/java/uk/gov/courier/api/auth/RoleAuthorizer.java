package uk.gov.courier.api.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;
import uk.gov.courier.users.Role;

/** {@code @RolesAllowed("support")} and friends, against the user's one role. */
public final class RoleAuthorizer implements Authorizer<ApiUser> {

  @Override
  public boolean authorize(ApiUser user, String role, ContainerRequestContext context) {
    return user.role() == Role.fromDb(role);
  }
}
