package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.ADMIN;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;

/**
 * Admins add users (their password shown once), disable and enable them, reset their passwords and
 * issue API keys; nobody else reaches these pages.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleAdminIT {

  private static final Pattern SECRET = Pattern.compile("id=\"secret\">([^<]+)</p>");
  private static final Pattern USER_ID = Pattern.compile("href=\"/admin/users/([0-9]+)\"");

  private static final ConsoleApp CONSOLE = new ConsoleApp();

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void anAdminAddsAUserWhoseOneTimePasswordSignsThemIn() {
    ConsoleBrowser admin = CONSOLE.signedIn(ADMIN);
    ConsoleBrowser.Page form = admin.get("/admin/users/new");
    assertThat(form.body())
        .contains("<label class=\"govuk-label govuk-label--s\" for=\"email\">Email address</label>")
        .contains(
            "<label class=\"govuk-label govuk-label--s\" for=\"display_name\">Full name</label>")
        .contains("id=\"role\" name=\"role\" type=\"radio\" value=\"support\"");

    ConsoleBrowser.Page added =
        admin.post(
            "/admin/users",
            ConsoleBrowser.withToken(
                form.csrfToken(),
                "email",
                "new.starter@courier.test",
                "display_name",
                "Nia <New> Starter",
                "role",
                "support"));

    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.header("Cache-Control")).isEqualTo("no-store");
    assertThat(added.body())
        .contains("User added: Nia &lt;New&gt; Starter")
        .contains("You will not be able to see this password again");
    String password = secret(added);
    assertThat(password).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM users WHERE email = 'new.starter@courier.test'"
                    + " AND password_hash LIKE '$argon2id$%' AND role = 'support'"))
        .isEqualTo(1);
    assertThat(CONSOLE.browser().signIn("new.starter@courier.test", password).status())
        .isEqualTo(303);
    assertThat(admin.get("/admin/users").body())
        .contains("data-user-email=\"new.starter@courier.test\"")
        .contains("Nia &lt;New&gt; Starter");
  }

  @Test
  void addingAUserWithMissingOrTakenDetailsShowsAnErrorSummaryLinkedToTheFields() {
    ConsoleBrowser admin = CONSOLE.signedIn(ADMIN);
    String token = admin.get("/admin/users/new").csrfToken();

    ConsoleBrowser.Page empty =
        admin.post("/admin/users", "csrf_token", token, "email", "", "display_name", " ");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body())
        .contains("<title>Error: Add a user – Courier – GOV.UK</title>")
        .contains("<a href=\"#email\">Enter their email address</a>")
        .contains("<a href=\"#display_name\">Enter their name</a>")
        .contains("<a href=\"#role\">Choose what they will do</a>")
        .contains("id=\"email-error\"");

    ConsoleBrowser.Page taken =
        admin.post(
            "/admin/users",
            "csrf_token",
            token,
            "email",
            "SUPPORT@courier.test",
            "display_name",
            "Someone",
            "role",
            "auditor");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.body())
        .contains("<a href=\"#email\">There is already a user with this address</a>")
        .contains("value=\"SUPPORT@courier.test\"");
  }

  @Test
  void disablingAUserEndsTheirSessionAndStopsSignInUntilEnabled() {
    ConsoleBrowser admin = CONSOLE.signedIn(ADMIN);
    String email = "to.disable@courier.test";
    String password = add(admin, email, "auditor");
    ConsoleBrowser them = CONSOLE.signedIn(email, password);
    assertThat(them.open("/dashboard").status()).isEqualTo(200);
    String page = "/admin/users/" + userId(admin, email);

    ConsoleBrowser.Page disabled = admin.submit(page, page + "/disable");

    assertThat(disabled.body())
        .contains("User disabled")
        .contains(
            "<strong class=\"govuk-tag govuk-tag--grey\" id=\"user-status\">Disabled</strong>");
    assertThat(them.open("/dashboard").status()).as("their session ended").isEqualTo(303);
    assertThat(CONSOLE.browser().signIn(email, password).status()).isEqualTo(403);

    ConsoleBrowser.Page enabled = admin.submit(page, page + "/enable");
    assertThat(enabled.body()).contains("User enabled");
    assertThat(CONSOLE.browser().signIn(email, password).status()).isEqualTo(303);
  }

  @Test
  void anAdminCannotDisableThemselves() {
    ConsoleBrowser admin = CONSOLE.signedIn(ADMIN);
    String page = "/admin/users/" + userId(admin, ADMIN);

    assertThat(admin.get(page).body())
        .contains("You cannot disable your own account")
        .doesNotContain("id=\"disable-user\"");
    ConsoleBrowser.Page refused =
        admin.post(page + "/disable", "csrf_token", admin.get(page).csrfToken());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM users WHERE email = ? AND disabled", ADMIN))
        .isZero();
  }

  @Test
  void resettingAPasswordGivesANewOneOnceEndsSessionsAndLiftsALock() {
    ConsoleBrowser admin = CONSOLE.signedIn(ADMIN);
    String email = "forgetful@courier.test";
    String old = add(admin, email, "support");
    ConsoleBrowser them = CONSOLE.signedIn(email, old);
    for (int i = 0; i < 5; i++) {
      CONSOLE.browser().signIn(email, "wrong-" + i);
    }
    String page = "/admin/users/" + userId(admin, email);
    assertThat(admin.get(page).body()).contains(">Locked</strong>");

    ConsoleBrowser.Page reset = admin.submit(page, page + "/reset-password");

    assertThat(reset.body()).contains("Password reset: ");
    String fresh = secret(reset);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(them.open("/dashboard").status()).isEqualTo(303);
    assertThat(CONSOLE.browser().signIn(email, old).status()).isEqualTo(403);
    assertThat(CONSOLE.browser().signIn(email, fresh).status()).isEqualTo(303);
  }

  @Test
  void anIssuedApiKeyWorksOnTheJsonApiAndIsShownOnlyOnce() throws Exception {
    ConsoleBrowser admin = CONSOLE.signedIn(ADMIN);
    String email = "script@courier.test";
    add(admin, email, "auditor");
    String page = "/admin/users/" + userId(admin, email);
    assertThat(admin.get(page).body()).contains("id=\"user-api-key\">No</dd>");

    ConsoleBrowser.Page issued = admin.submit(page, page + "/api-key");

    String key = secret(issued);
    assertThat(key).startsWith("courier_");
    assertThat(apiStatus(key)).isEqualTo(200);
    assertThat(admin.get(page).body()).contains("id=\"user-api-key\">Yes</dd>").doesNotContain(key);
    String replaced = secret(admin.submit(page, page + "/api-key"));
    assertThat(apiStatus(key)).as("the old key stops working").isEqualTo(401);
    assertThat(apiStatus(replaced)).isEqualTo(200);
  }

  @Test
  void onlyAdminsReachTheUserPages() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);

    ConsoleBrowser.Page list = support.get("/admin/users");

    assertThat(list.status()).isEqualTo(403);
    assertThat(list.body()).contains("You do not have permission to do this");
    assertThat(support.get("/dashboard").body()).doesNotContain("href=\"/admin/users\"");
    assertThat(CONSOLE.signedIn(ADMIN).get("/dashboard").body()).contains("href=\"/admin/users\"");
  }

  private static String add(ConsoleBrowser admin, String email, String role) {
    ConsoleBrowser.Page added =
        admin.submit(
            "/admin/users/new",
            "/admin/users",
            "email",
            email,
            "display_name",
            "Test " + role,
            "role",
            role);
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    return secret(added);
  }

  private static String userId(ConsoleBrowser admin, String email) {
    String body = admin.get("/admin/users").body();
    int row = body.indexOf("data-user-email=\"" + email + "\"");
    Matcher matcher = USER_ID.matcher(body.substring(row));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static String secret(ConsoleBrowser.Page page) {
    Matcher matcher = SECRET.matcher(page.body());
    assertThat(matcher.find()).as(page.body()).isTrue();
    return matcher.group(1);
  }

  private static int apiStatus(String key) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/sends"))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
