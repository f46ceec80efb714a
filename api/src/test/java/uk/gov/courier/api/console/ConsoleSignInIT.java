package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.PASSWORD;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;

/**
 * Signing in to the console with secure cookies on (as in production): the session cookie's flags,
 * a new session ID at every sign-in, one answer for every wrong detail, slowing down and locking
 * after repeated failures, idle and absolute timeouts, signing out, and the sign-in form's own
 * anti-forgery token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSignInIT {

  private static final String SESSION = "__Host-courier_session";
  private static final String REFUSED = "Enter a correct email address and password";

  private static final ConsoleApp CONSOLE =
      new ConsoleApp(
          ConfigOverride.config("console.secureCookies", "true"),
          ConfigOverride.config("console.maxSignInFailures", "3"),
          ConfigOverride.config("console.signInLockDuration", "10 minutes"));

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void theSignInPageIsAGovukFormWithLabelledFieldsAndAnAntiForgeryToken() {
    ConsoleBrowser browser = CONSOLE.browser();

    ConsoleBrowser.Page page = browser.open("/sign-in");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1 class=\"govuk-heading-l\">Sign in to Courier</h1>")
        .contains("<label class=\"govuk-label govuk-label--s\" for=\"email\">Email address</label>")
        .contains("<label class=\"govuk-label govuk-label--s\" for=\"password\">Password</label>")
        .contains("After 3 wrong attempts in a row you will not be able to sign in for 10 minutes");
    assertThat(page.csrfToken()).hasSizeGreaterThan(40);
    assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    assertThat(browser.setCookieHeaders())
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("__Host-courier_sign_in=")
                    .contains("Secure")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Path=/"));
  }

  @Test
  void theRightPasswordStartsASessionHeldInASecureHttpOnlySameSiteCookie() throws Exception {
    ConsoleBrowser browser = CONSOLE.browser();

    ConsoleBrowser.Page answer = browser.signIn(SUPPORT, PASSWORD);

    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).endsWith("/dashboard");
    String setCookie =
        browser.setCookieHeaders().stream()
            .filter(c -> c.startsWith(SESSION + "="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie)
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .doesNotContain("Max-Age")
        .doesNotContain("Domain");
    String sessionId = browser.cookie(SESSION);
    assertThat(sessionId).matches("[A-Za-z0-9_-]{43}");
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM console_sessions WHERE id_sha256 = ?", sha256(sessionId)))
        .as("only the session ID's hash is stored")
        .isEqualTo(1);
    assertThat(browser.get("/dashboard").body())
        .contains("Signed in as <strong>Sam Support</strong> (support)");
  }

  @Test
  void signingInAgainGivesANewSessionIdAndEndsTheOldOne() throws Exception {
    ConsoleBrowser browser = CONSOLE.browser();
    browser.signIn(SUPPORT, PASSWORD);
    String first = browser.cookie(SESSION);

    browser.signIn(SUPPORT, PASSWORD);
    String second = browser.cookie(SESSION);

    assertThat(second).isNotEqualTo(first);
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM console_sessions WHERE id_sha256 = ?", sha256(first)))
        .isZero();
    ConsoleBrowser stale = CONSOLE.browser();
    stale.setCookie(SESSION, first);
    assertThat(stale.open("/dashboard").location()).startsWith("/sign-in");
    assertThat(browser.get("/dashboard").status()).isEqualTo(200);
  }

  @Test
  void aSessionCookieSetBeforeSignInIsNeverAdopted() {
    ConsoleBrowser browser = CONSOLE.browser();
    String planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    browser.setCookie(SESSION, planted);

    browser.signIn(SUPPORT, PASSWORD);

    assertThat(browser.cookie(SESSION)).isNotEqualTo(planted);
    ConsoleBrowser attacker = CONSOLE.browser();
    attacker.setCookie(SESSION, planted);
    assertThat(attacker.open("/dashboard").status()).isEqualTo(303);
  }

  @Test
  void aWrongPasswordAndAnAddressNobodyHasGetTheSameAnswer() {
    ConsoleBrowser.Page wrongPassword =
        CONSOLE.browser().signIn("auditor@courier.test", "not-the-password");
    ConsoleBrowser.Page nobody =
        CONSOLE.browser().signIn("nobody@courier.test", "not-the-password");

    for (ConsoleBrowser.Page page : List.of(wrongPassword, nobody)) {
      assertThat(page.status()).isEqualTo(403);
      assertThat(page.body())
          .contains("<title>Error: Sign in – Courier – GOV.UK</title>")
          .contains("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>")
          .contains("<a href=\"#email\">" + REFUSED + "</a>")
          .doesNotContain("locked")
          .doesNotContain("does not exist");
    }
    assertThat(errorSummary(wrongPassword)).isEqualTo(errorSummary(nobody));
    assertThat(wrongPassword.header("Set-Cookie")).doesNotContain(SESSION);
  }

  @Test
  void repeatedFailuresSlowDownThenLockTheAddressEvenAgainstTheRightPassword() {
    String email = "support2@courier.test";
    CONSOLE.browser().signIn(email, "wrong-1");
    CONSOLE.browser().signIn(email, "wrong-2");
    long started = System.nanoTime();
    ConsoleBrowser.Page third = CONSOLE.browser().signIn(email, "wrong-3");
    long thirdMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(thirdMillis).as("the third failure in a row is slowed down").isGreaterThan(900);
    assertThat(third.body()).contains(REFUSED);
    ConsoleBrowser.Page locked = CONSOLE.browser().signIn(email, PASSWORD);
    assertThat(locked.status()).isEqualTo(403);
    assertThat(errorSummary(locked)).isEqualTo(errorSummary(third));
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM sign_in_throttles WHERE email_sha256 = ?"
                    + " AND locked_until > now() + interval '9 minutes'",
                sha256(email)))
        .isEqualTo(1);

    for (int i = 1; i <= 3; i++) {
      CONSOLE.browser().signIn("nobody-at-all@courier.test", "wrong-" + i);
    }
    ConsoleBrowser.Page nobodyLocked =
        CONSOLE.browser().signIn("nobody-at-all@courier.test", PASSWORD);
    assertThat(errorSummary(nobodyLocked))
        .as("an address nobody has is locked in just the same way")
        .isEqualTo(errorSummary(locked));

    CONSOLE.execute(
        "UPDATE sign_in_throttles SET locked_until = now() - interval '1 second'"
            + " WHERE email_sha256 = ?",
        sha256(email));
    assertThat(CONSOLE.browser().signIn(email, PASSWORD).status())
        .as("the lock runs out")
        .isEqualTo(303);
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM sign_in_throttles WHERE email_sha256 = ?", sha256(email)))
        .as("a successful sign-in forgets the failures")
        .isZero();
  }

  @Test
  void anIdleSessionEnds() {
    ConsoleBrowser browser = CONSOLE.signedIn(SUPPORT);
    String sessionId = browser.cookie(SESSION);
    assertThat(browser.open("/dashboard").status()).isEqualTo(200);

    CONSOLE.execute(
        "UPDATE console_sessions SET last_seen_at = now() - interval '31 minutes'"
            + " WHERE id_sha256 = ?",
        sha256(sessionId));

    ConsoleBrowser.Page answer = browser.open("/dashboard");
    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).isEqualTo("/sign-in?next=%2Fdashboard&timed_out=true");
    assertThat(browser.get(answer.location()).body()).contains("Your session has ended");
  }

  @Test
  void aBusySessionStillEndsAtTheAbsoluteTimeout() {
    ConsoleBrowser browser = CONSOLE.signedIn(SUPPORT);
    CONSOLE.execute(
        "UPDATE console_sessions SET created_at = now() - interval '12 hours 1 minute'"
            + " WHERE id_sha256 = ?",
        sha256(browser.cookie(SESSION)));

    assertThat(browser.open("/claims").location()).startsWith("/sign-in?next=%2Fclaims");
  }

  @Test
  void signingOutEndsTheSessionInTheDatabase() {
    ConsoleBrowser browser = CONSOLE.signedIn(SUPPORT);
    String sessionId = browser.cookie(SESSION);

    ConsoleBrowser.Page answer =
        browser.post("/sign-out", "csrf_token", browser.get("/dashboard").csrfToken());

    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).isEqualTo("/sign-in?signed_out=true");
    assertThat(browser.cookie(SESSION)).isNull();
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM console_sessions WHERE id_sha256 = ?", sha256(sessionId)))
        .isZero();
    assertThat(browser.get(answer.location()).body()).contains("You have signed out");
    ConsoleBrowser replay = CONSOLE.browser();
    replay.setCookie(SESSION, sessionId);
    assertThat(replay.open("/dashboard").status()).isEqualTo(303);
  }

  @Test
  void aSignInWithoutItsFormTokenIsRefusedAndSignsNobodyIn() {
    ConsoleBrowser browser = CONSOLE.browser();
    browser.open("/sign-in");

    ConsoleBrowser.Page answer = browser.post("/sign-in", "email", SUPPORT, "password", PASSWORD);

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("Your sign-in form had expired");
    assertThat(browser.cookie(SESSION)).isNull();

    ConsoleBrowser forger = CONSOLE.browser();
    String someoneElsesToken = CONSOLE.browser().open("/sign-in").csrfToken();
    assertThat(
            forger
                .post(
                    "/sign-in",
                    "csrf_token",
                    someoneElsesToken,
                    "email",
                    SUPPORT,
                    "password",
                    PASSWORD)
                .status())
        .as("a token from another browser's sign-in page does not match this browser's cookie")
        .isEqualTo(403);
  }

  @Test
  void consolePagesSendSignedOutPeopleToSignInAndBackAfterwards() {
    ConsoleBrowser browser = CONSOLE.browser();

    ConsoleBrowser.Page answer = browser.open("/claims?status=paid");

    assertThat(answer.status()).isEqualTo(303);
    assertThat(answer.location()).isEqualTo("/sign-in?next=%2Fclaims%3Fstatus%3Dpaid");
    String token = browser.get(answer.location()).csrfToken();
    ConsoleBrowser.Page signedIn =
        browser.post(
            "/sign-in",
            "csrf_token",
            token,
            "email",
            SUPPORT,
            "password",
            PASSWORD,
            "next",
            "/claims?status=paid");
    assertThat(signedIn.location()).isEqualTo("/claims?status=paid");

    ConsoleBrowser elsewhere = CONSOLE.browser();
    String again = elsewhere.open("/sign-in").csrfToken();
    assertThat(
            elsewhere
                .post(
                    "/sign-in",
                    "csrf_token",
                    again,
                    "email",
                    SUPPORT,
                    "password",
                    PASSWORD,
                    "next",
                    "//evil.example/")
                .location())
        .as("the sign-in page never sends anyone to another site")
        .isEqualTo("/dashboard");
  }

  private static String errorSummary(ConsoleBrowser.Page page) {
    String body = page.body();
    int start = body.indexOf("govuk-error-summary");
    int end = body.indexOf("</ul>", start);
    return body.substring(start, end);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
