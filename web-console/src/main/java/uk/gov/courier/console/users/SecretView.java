package uk.gov.courier.console.users;

import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.Banner;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.users.IssuedSecret;

/**
 * {@code secret.mustache}: a new password or API key, shown this once. It is never stored (only its
 * hash is), so this page cannot be shown again; it is answered with {@code Cache-Control:
 * no-store}.
 */
public final class SecretView extends ConsolePageView {

  /** What was issued. */
  public enum Kind {
    NEW_USER("User added", "Their password", "password"),
    PASSWORD_RESET("Password reset", "Their new password", "password"),
    API_KEY("API key issued", "Their new API key", "API key");

    private final String done;
    private final String heading;
    private final String noun;

    Kind(String done, String heading, String noun) {
      this.done = done;
      this.heading = heading;
      this.noun = noun;
    }
  }

  private final IssuedSecret issued;
  private final Kind kind;

  public SecretView(IssuedSecret issued, Kind kind, ConsoleUser user, ConsoleSettings settings) {
    super("secret.mustache", kind.heading, user, settings, Section.USERS);
    this.issued = issued;
    this.kind = kind;
    setBanner(
        new Banner(
            kind.done + ": " + issued.user().displayName(),
            kind == Kind.API_KEY
                ? "Their old API key, if they had one, has stopped working."
                : null,
            true));
  }

  public String getHeading() {
    return kind.heading;
  }

  public String getNoun() {
    return kind.noun;
  }

  public boolean isApiKey() {
    return kind == Kind.API_KEY;
  }

  public String getSecret() {
    return issued.secret();
  }

  public String getName() {
    return issued.user().displayName();
  }

  public String getEmail() {
    return issued.user().email();
  }

  public String getUserHref() {
    return "/admin/users/" + issued.user().id();
  }
}
