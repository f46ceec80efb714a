package uk.gov.courier.console.users;

import java.util.List;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Section;

/** {@code add-user.mustache}: email address, name and role of a new user. */
public final class AddUserView extends ConsolePageView {

  private final String email;
  private final String displayName;
  private final String role;

  public AddUserView(
      String email, String displayName, String role, ConsoleUser user, ConsoleSettings settings) {
    super("add-user.mustache", "Add a user", user, settings, Section.USERS);
    this.email = email == null ? "" : email;
    this.displayName = displayName == null ? "" : displayName;
    this.role = role;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  /** The role radios; the first has the field's own id, so the error summary can link to it. */
  public List<RoleOption> getRoles() {
    return List.of(
        new RoleOption(
            "role",
            "support",
            "Support",
            "Starts, confirms and cancels sends; resends and revokes links",
            "support".equals(role)),
        new RoleOption(
            "role-auditor",
            "auditor",
            "Auditor",
            "Sees every send and its history; changes nothing",
            "auditor".equals(role)),
        new RoleOption(
            "role-admin",
            "admin",
            "Admin",
            "Adds, disables and resets users; sees every send",
            "admin".equals(role)));
  }

  /** A role as a radio button. */
  public record RoleOption(String id, String value, String label, String hint, boolean checked) {}
}
