package uk.gov.courier.users;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The development sign-ins: two support users (so the second-person rule can be tried), an auditor
 * and an admin, all with the one development password from the development config. Production
 * config turns demo data off, so production has no default users.
 */
public final class DemoUsers {

  public static final String SUPPORT = "support@courier.test";
  public static final String SUPPORT_2 = "support2@courier.test";
  public static final String AUDITOR = "auditor@courier.test";
  public static final String ADMIN = "admin@courier.test";

  private record DemoUser(String email, String name, Role role) {}

  private static final List<DemoUser> USERS =
      List.of(
          new DemoUser(SUPPORT, "Sam Support", Role.SUPPORT),
          new DemoUser(SUPPORT_2, "Sasha Second", Role.SUPPORT),
          new DemoUser(AUDITOR, "Ada Auditor", Role.AUDITOR),
          new DemoUser(ADMIN, "Alex Admin", Role.ADMIN));

  private DemoUsers() {}

  /**
   * Adds any demo user who is missing. {@code supportApiKey}, when given, becomes the API key of
   * {@link #SUPPORT}. Returns how many users were added.
   */
  public static int ensure(Jdbi jdbi, String password, String supportApiKey) {
    if (password == null || password.length() < 12) {
      throw new IllegalArgumentException(
          "The demo password must be at least 12 characters (demo.password in the config)");
    }
    PasswordHasher hasher = new PasswordHasher();
    return jdbi.withExtension(
        UserDao.class,
        dao -> {
          int added = 0;
          for (DemoUser user : USERS) {
            if (dao.findByEmail(user.email()).isPresent()) {
              continue;
            }
            String apiKeyHash =
                user.email().equals(SUPPORT) && supportApiKey != null && !supportApiKey.isBlank()
                    ? ApiKeys.hash(supportApiKey)
                    : null;
            added +=
                dao.insertIfAbsent(
                    user.email(),
                    user.name(),
                    user.role().dbValue(),
                    hasher.hash(password),
                    apiKeyHash);
          }
          return added;
        });
  }
}
