package uk.gov.courier.users;

import java.time.Instant;

/**
 * A user as admins see them: never a password or key, only whether they have an API key and, when
 * their address is locked after failed sign-ins, until when.
 */
public record UserSummary(User user, boolean hasApiKey, Instant lockedUntil) {

  public boolean locked() {
    return lockedUntil != null;
  }
}
