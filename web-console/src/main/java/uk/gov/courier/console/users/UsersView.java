package uk.gov.courier.console.users;

import java.util.List;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;
import uk.gov.courier.users.UserSummary;

/** {@code users.mustache}: every user with their role and status, for admins. */
public final class UsersView extends ConsolePageView {

  private final List<UserSummary> users;

  public UsersView(List<UserSummary> users, ConsoleUser user, ConsoleSettings settings) {
    super("users.mustache", "Users", user, settings, Section.USERS);
    this.users = users;
  }

  public List<Row> getUsers() {
    return users.stream().map(UsersView::row).toList();
  }

  static Row row(UserSummary summary) {
    return new Row(
        Long.toString(summary.user().id()),
        "/admin/users/" + summary.user().id(),
        summary.user().displayName(),
        summary.user().email(),
        Formats.words(summary.user().role().dbValue()),
        Tags.user(summary.user().disabled(), summary.locked()),
        summary.user().lastSignedInAt() == null
            ? "Never"
            : Formats.dateTime(summary.user().lastSignedInAt()));
  }

  /** A user in the table. */
  public record Row(
      String id,
      String href,
      String name,
      String email,
      String role,
      Tag status,
      String lastSignedIn) {}
}
