package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.AUDITOR;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.OutboxMessage;

/**
 * Support staff's day in the console, through real PostgreSQL, Azurite, the Notify-compatible
 * server and Temporal: start a payments send, check it (the preview is escaped), confirm it, watch
 * it reach its recipients, download the original, resend and revoke; cancel a send with a reason;
 * forms without their anti-forgery token change nothing; auditors see but cannot act.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSendsIT {

  private static final Pattern SEND_ID = Pattern.compile("/sends/([0-9a-f-]{36})/confirm");
  private static final Pattern LINK_ID = Pattern.compile("data-link-id=\"([0-9a-f-]{36})\"");

  private static final ConsoleApp CONSOLE = new ConsoleApp();

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void supportStartChecksConfirmsAndWatchesAPaymentsSendToItsRecipients() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    long waiting =
        CONSOLE.queryLong(
            "SELECT count(*) FROM claims WHERE status = 'submitted' AND claim_window_id = 2");

    ConsoleBrowser.Page dashboard = support.get("/dashboard");
    assertThat(dashboard.body())
        .contains("Payments: Claim window 2025 to 2026")
        .contains(String.format("%,d submitted claims", waiting))
        .contains("id=\"start-send\"");

    ConsoleBrowser.Page start = support.get("/sends/new");
    assertThat(start.body())
        .contains("<h1 class=\"govuk-heading-l\">Start a send</h1>")
        .contains("name=\"claim_window_id\" type=\"radio\" value=\"2\"")
        .contains("id=\"start-payments\"");

    ConsoleBrowser.Page noWindow =
        support.post("/sends", ConsoleBrowser.withToken(start.csrfToken(), "kind", "payments"));
    assertThat(noWindow.status()).isEqualTo(400);
    assertThat(noWindow.body())
        .contains("<a href=\"#claim_window_id\">Choose the claim window to send payments for</a>")
        .contains("govuk-form-group--error");

    ConsoleBrowser.Page started =
        support.post(
            "/sends",
            ConsoleBrowser.withToken(
                start.csrfToken(), "kind", "payments", "claim_window_id", "2"));
    assertThat(started.status()).isEqualTo(303);
    String id = sendId(started.location());

    ConsoleBrowser.Page check = support.get(started.location());
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.body())
        .contains("<h1 class=\"govuk-heading-l\">Check your answers before sending</h1>")
        .contains("Send started")
        .contains(
            "<dd class=\"govuk-summary-list__value\" id=\"claim-count\">"
                + String.format("%,d", waiting)
                + "</dd>")
        .contains("finance@payer.example.org")
        .contains("claims.team@payer.example.org")
        .contains("<th scope=\"col\" class=\"govuk-table__header\">claim_reference</th>")
        .contains("10000001")
        .contains("&lt;script&gt;alert(")
        .doesNotContain("<script>alert")
        .contains("&#39;&#61;HYPERLINK")
        .contains("stops working after 7 days")
        .contains("You cannot undo this")
        .contains("id=\"confirm-send\"")
        .contains("id=\"cancel-send\"");
    assertThat(count(check.body(), "<h1")).isEqualTo(1);

    ConsoleBrowser.Page confirmed =
        support.post("/sends/" + id + "/confirm", "csrf_token", check.csrfToken());
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(303);
    assertThat(confirmed.location()).isEqualTo("/sends/" + id + "?done=confirmed");
    assertThat(support.get(confirmed.location()).body()).contains("Send confirmed");

    ConsoleBrowser.Page live = awaitPage(support, "/sends/" + id, "Links sent");
    String sha256 =
        CONSOLE
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT sha256 FROM sends WHERE id = ?")
                        .bind(0, UUID.fromString(id))
                        .mapTo(String.class)
                        .one());
    assertThat(live.body())
        .contains("id=\"file-sha256\"><code>" + sha256 + "</code>")
        .contains(
            "<dd class=\"govuk-summary-list__value\" id=\"file-rows\">"
                + String.format("%,d", waiting)
                + "</dd>")
        .contains("Accepted by Notify")
        .contains("Confirmed by")
        .contains("id=\"download-file\"")
        .contains("id=\"revoke-links\"")
        .contains("data-action=\"send.confirmed\"")
        .contains("data-action=\"email.accepted\"");
    List<String> linkIds = all(LINK_ID, live.body());
    assertThat(linkIds).hasSize(2);
    List<OutboxMessage> emails =
        CONSOLE.notify.outbox().stream().filter(m -> linkIds.contains(m.reference())).toList();
    assertThat(emails)
        .extracting(OutboxMessage::emailAddress)
        .containsExactlyInAnyOrder("finance@payer.example.org", "claims.team@payer.example.org");
    for (OutboxMessage email : emails) {
      assertThat(live.body()).contains("Notify ID " + email.id());
    }

    assertThat(download(support, "HEAD", "/sends/" + id + "/file").statusCode())
        .as("a HEAD neither opens the file nor records a download")
        .isEqualTo(405);
    HttpResponse<byte[]> file = download(support, "GET", "/sends/" + id + "/file");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"payments-claim-window-2025-to-2026-");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
        .isEqualTo(sha256);
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM audit_events WHERE send_id = ? AND actor = ?"
                    + " AND action = 'send.file_downloaded' AND client_address IS NOT NULL",
                UUID.fromString(id),
                SUPPORT))
        .isEqualTo(1);
    assertThat(support.get("/sends/" + id).body()).contains("Original file downloaded by support");

    String oldLink = linkIds.get(0);
    ConsoleBrowser.Page resent =
        support.post(
            "/sends/" + id + "/links/" + oldLink + "/resend", "csrf_token", live.csrfToken());
    assertThat(resent.status()).as(resent.body()).isEqualTo(303);
    ConsoleBrowser.Page afterResend = support.get(resent.location());
    assertThat(afterResend.body()).contains("New link sent").contains("Revoked at");
    assertThat(all(LINK_ID, afterResend.body())).hasSize(3).contains(oldLink);

    ConsoleBrowser.Page revokePage = support.get("/sends/" + id + "/revoke");
    ConsoleBrowser.Page noReason =
        support.post(
            "/sends/" + id + "/revoke", "csrf_token", revokePage.csrfToken(), "reason", " ");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body())
        .contains("<a href=\"#reason\">Give a reason for revoking the links</a>");
    ConsoleBrowser.Page revoked =
        support.post(
            "/sends/" + id + "/revoke",
            "csrf_token",
            revokePage.csrfToken(),
            "reason",
            "The payer asked for the file to be withdrawn");
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(303);
    assertThat(support.get(revoked.location()).body()).contains("Links revoked");
    ConsoleBrowser.Page completed = awaitPage(support, "/sends/" + id, ">Completed<");
    assertThat(completed.body())
        .contains("The payer asked for the file to be withdrawn")
        .doesNotContain("id=\"revoke-links\"")
        .doesNotContain("id=\"resend-");
  }

  @Test
  void cancellingAsksForAReasonAndReleasesTheClaims() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser.Page start = awaitPage(support, "/sends/new", "id=\"start-clawbacks\"");
    ConsoleBrowser.Page started =
        support.post("/sends", ConsoleBrowser.withToken(start.csrfToken(), "kind", "clawbacks"));
    String id = sendId(started.location());

    assertThat(support.get("/sends/new").body())
        .as("every clawback is now in the open send, so there is nothing to start")
        .contains("id=\"clawbacks-none\"")
        .doesNotContain("id=\"start-clawbacks\"");

    ConsoleBrowser.Page cancelPage = support.get("/sends/" + id + "/cancel");
    assertThat(cancelPage.body())
        .contains("<label class=\"govuk-label govuk-label--s\" for=\"reason\">");
    ConsoleBrowser.Page noReason =
        support.post(
            "/sends/" + id + "/cancel", "csrf_token", cancelPage.csrfToken(), "reason", "");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body())
        .contains("<a href=\"#reason\">Give a reason for cancelling this send</a>")
        .contains("id=\"reason-error\"");

    ConsoleBrowser.Page cancelled =
        support.post(
            "/sends/" + id + "/cancel",
            "csrf_token",
            cancelPage.csrfToken(),
            "reason",
            "Two schools' amounts are <b>wrong</b>");
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(303);
    assertThat(support.get(cancelled.location()).body()).contains("Send cancelled");
    ConsoleBrowser.Page page = awaitPage(support, "/sends/" + id, ">Cancelled<");
    assertThat(page.body())
        .contains("Two schools&#39; amounts are &lt;b&gt;wrong&lt;/b&gt;")
        .contains("id=\"cancelled-by\">" + SUPPORT);
    awaitPage(support, "/sends/new", "id=\"start-clawbacks\"");
  }

  @Test
  void aFormWithoutItsAntiForgeryTokenIsRefusedAndChangesNothing() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    long sends = CONSOLE.queryLong("SELECT count(*) FROM sends");

    ConsoleBrowser.Page missing = support.post("/sends", "kind", "clawbacks");
    ConsoleBrowser.Page wrong =
        support.post("/sends", "csrf_token", "not-the-token", "kind", "clawbacks");
    ConsoleBrowser.Page otherSession =
        support.post(
            "/sends",
            "csrf_token",
            CONSOLE.signedIn(SUPPORT).get("/dashboard").csrfToken(),
            "kind",
            "clawbacks");

    for (ConsoleBrowser.Page page : List.of(missing, wrong, otherSession)) {
      assertThat(page.status()).isEqualTo(403);
      assertThat(page.body())
          .contains("security token was missing or out of date, so nothing was changed")
          .doesNotContain("Exception");
    }
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM sends")).isEqualTo(sends);
  }

  @Test
  void auditorsSeeEveryPageButNoActionAndAreRefusedEveryForm() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser.Page start = awaitPage(support, "/sends/new", "id=\"start-clawbacks\"");
    String id =
        sendId(
            support
                .post("/sends", ConsoleBrowser.withToken(start.csrfToken(), "kind", "clawbacks"))
                .location());
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    String token = auditor.get("/dashboard").csrfToken();

    ConsoleBrowser.Page dashboard = auditor.get("/dashboard");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains("data-send-id=\"" + id + "\"")
        .doesNotContain("id=\"start-send\"")
        .doesNotContain("href=\"/sends/new\"");
    ConsoleBrowser.Page check = auditor.get("/sends/" + id + "/confirm");
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.body())
        .contains("Only support staff can confirm or cancel a send")
        .doesNotContain("id=\"confirm-send\"")
        .doesNotContain("id=\"cancel-send\"");
    assertThat(auditor.get("/sends/" + id).body())
        .doesNotContain("id=\"retry-send\"")
        .doesNotContain("id=\"revoke-links\"")
        .doesNotContain("id=\"download-file\"");
    assertThat(auditor.get("/claims").status()).isEqualTo(200);
    assertThat(auditor.get("/sends/new").status()).isEqualTo(403);
    assertThat(auditor.get("/sends/" + id + "/cancel").status()).isEqualTo(403);
    assertThat(auditor.get("/admin/users").status()).isEqualTo(403);

    String link = UUID.randomUUID().toString();
    for (String[] form :
        List.of(
            new String[] {"/sends", "kind", "clawbacks"},
            new String[] {"/sends/" + id + "/confirm"},
            new String[] {"/sends/" + id + "/cancel", "reason", "auditors cannot"},
            new String[] {"/sends/" + id + "/revoke", "reason", "auditors cannot"},
            new String[] {"/sends/" + id + "/retry"},
            new String[] {"/sends/" + id + "/links/" + link + "/resend"},
            new String[] {
              "/admin/users", "email", "x@courier.test", "display_name", "X", "role", "admin"
            },
            new String[] {"/admin/users/1/disable"},
            new String[] {"/admin/users/1/reset-password"},
            new String[] {"/admin/users/1/api-key"})) {
      String[] fields = new String[form.length - 1];
      System.arraycopy(form, 1, fields, 0, fields.length);
      ConsoleBrowser.Page refused = auditor.post(form[0], ConsoleBrowser.withToken(token, fields));
      assertThat(refused.status()).as(form[0]).isEqualTo(403);
      assertThat(refused.body())
          .as(form[0])
          .contains("You do not have permission to do this")
          .contains("Your role (auditor) does not allow this, so nothing was changed");
    }
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM sends WHERE id = ? AND state = 'awaiting_confirmation'",
                UUID.fromString(id)))
        .isEqualTo(1);
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM users WHERE email = 'x@courier.test'"))
        .isZero();
    support.post(
        "/sends/" + id + "/cancel",
        "csrf_token",
        support.get("/dashboard").csrfToken(),
        "reason",
        "tidying up after the auditor test");
    awaitPage(support, "/sends/new", "id=\"start-clawbacks\"");
  }

  @Test
  void anUnknownSendGetsTheFriendlyNotFoundPage() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);

    ConsoleBrowser.Page unknown = support.get("/sends/" + UUID.randomUUID());
    ConsoleBrowser.Page notAnId = support.get("/sends/not-a-send");

    for (ConsoleBrowser.Page page : List.of(unknown, notAnId)) {
      assertThat(page.status()).isEqualTo(404);
      assertThat(page.body()).contains("Page not found").doesNotContain("Exception");
    }
  }

  private static ConsoleBrowser.Page awaitPage(ConsoleBrowser browser, String path, String text)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    ConsoleBrowser.Page page = browser.get(path);
    while (!page.body().contains(text) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      page = browser.get(path);
    }
    assertThat(page.body()).as("%s never showed %s", path, text).contains(text);
    return page;
  }

  private static HttpResponse<byte[]> download(ConsoleBrowser browser, String method, String path)
      throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path))
                .header("Cookie", "courier_session=" + browser.cookie("courier_session"))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sendId(String location) {
    Matcher matcher = SEND_ID.matcher(location);
    assertThat(matcher.find()).as(location).isTrue();
    return matcher.group(1);
  }

  private static List<String> all(Pattern pattern, String text) {
    return pattern.matcher(text).results().map(m -> m.group(1)).distinct().toList();
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
