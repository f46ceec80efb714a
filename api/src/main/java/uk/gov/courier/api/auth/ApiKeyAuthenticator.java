package uk.gov.courier.api.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import uk.gov.courier.users.ApiKeys;
import uk.gov.courier.users.UserDao;

/**
 * Finds the user whose API key this is. Keys are stored as SHA-256 hashes, so the lookup is by hash
 * and the key itself is never stored or logged. Disabled users' keys do not work.
 */
public final class ApiKeyAuthenticator implements Authenticator<String, ApiUser> {

  private final UserDao users;

  public ApiKeyAuthenticator(UserDao users) {
    this.users = users;
  }

  @Override
  public Optional<ApiUser> authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
      return Optional.empty();
    }
    return users
        .findActiveByApiKeyHash(ApiKeys.hash(apiKey.strip()))
        .map(user -> new ApiUser(user.id(), user.email(), user.role()));
  }
}
