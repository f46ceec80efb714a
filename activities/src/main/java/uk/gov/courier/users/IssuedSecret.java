package uk.gov.courier.users;

/**
 * A password or API key Courier has just made for a user: shown to the admin once, never stored
 * (only its hash is), never logged.
 */
public record IssuedSecret(User user, String secret) {

  @Override
  public String toString() {
    return "IssuedSecret{user=" + user.email() + ", secret=<redacted>}";
  }
}
