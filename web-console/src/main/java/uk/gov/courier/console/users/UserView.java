package uk.gov.courier.console.users;

import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;
import uk.gov.courier.users.UserSummary;

/**
 * {@code user.mustache}: one user, and what an admin can do to them: disable or enable, reset the
 * password, issue an API key.
 */
public final class UserView extends ConsolePageView {

  private final UserSummary summary;

  public UserView(UserSummary summary, ConsoleUser user, ConsoleSettings settings) {
    super("user.mustache", summary.user().displayName(), user, settings, Section.USERS);
    this.summary = summary;
  }

  public String getId() {
    return Long.toString(summary.user().id());
  }

  public String getName() {
    return summary.user().displayName();
  }

  public String getEmail() {
    return summary.user().email();
  }

  public String getRole() {
    return Formats.words(summary.user().role().dbValue());
  }

  public Tag getStatus() {
    return Tags.user(summary.user().disabled(), summary.locked());
  }

  public String getLockedUntil() {
    return summary.lockedUntil() == null ? null : Formats.dateTime(summary.lockedUntil());
  }

  public String getApiKey() {
    return summary.hasApiKey() ? "Yes" : "No";
  }

  public boolean isHasApiKey() {
    return summary.hasApiKey();
  }

  public String getLastSignedIn() {
    return summary.user().lastSignedInAt() == null
        ? "Never"
        : Formats.dateTime(summary.user().lastSignedInAt());
  }

  public String getAdded() {
    return Formats.dateTime(summary.user().createdAt());
  }

  public boolean isSelf() {
    return summary.user().id() == getUser().id();
  }

  public boolean isCanDisable() {
    return !summary.user().disabled() && !isSelf();
  }

  public boolean isCanEnable() {
    return summary.user().disabled();
  }
}
