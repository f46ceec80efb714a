package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.courier.api.console.ConsoleApp.ADMIN;
import static uk.gov.courier.api.console.ConsoleApp.AUDITOR;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.audit.AuditService;
import uk.gov.courier.audit.WorkflowHistories;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.testing.Azurite;

/**
 * The audit trail through the running application on real PostgreSQL, Azurite, the Notify server
 * and Temporal: one payments send driven from sign-in through confirmation, a download, a refused
 * attempt, the original file, a resend and a revocation leaves exactly the expected rows; its
 * workflow history reads plainly and is archived to blob storage when it closes; the application's
 * database role cannot rewrite the trail; auditors read every audit page and change nothing; the
 * trail of a date range exports as CSV.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditTrailIT {

  private static final Pattern SEND_ID = Pattern.compile("/sends/([0-9a-f-]{36})/confirm");
  private static final Pattern LINK_ID = Pattern.compile("data-link-id=\"([0-9a-f-]{36})\"");
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

  private static final ConsoleApp CONSOLE =
      new ConsoleApp(
          ConfigOverride.config("audit.historyArchiveInterval", "300ms"),
          ConfigOverride.config("audit.historyArchiveRetryAfter", "1s"),
          ConfigOverride.config("temporal.uiUrl", "http://temporal-ui.test:8233/"));

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  /** The send every test reads: completed by the time the tests run. */
  private static String sendId;

  private static String usedLink;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @BeforeAll
  static void driveOneSendFromStartToRevocation() throws Exception {
    assertThat(CONSOLE.browser().signIn(SUPPORT, "not-the-password").status()).isNotEqualTo(303);
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);

    ConsoleBrowser.Page start = support.get("/sends/new");
    ConsoleBrowser.Page started =
        support.post(
            "/sends",
            ConsoleBrowser.withToken(
                start.csrfToken(), "kind", "payments", "claim_window_id", "2"));
    assertThat(started.status()).as(started.body()).isEqualTo(303);
    Matcher id = SEND_ID.matcher(started.location());
    assertThat(id.find()).isTrue();
    sendId = id.group(1);

    ConsoleBrowser.Page check = support.get(started.location());
    assertThat(
            support.post("/sends/" + sendId + "/confirm", "csrf_token", check.csrfToken()).status())
        .isEqualTo(303);
    ConsoleBrowser.Page live = awaitPage(support, "/sends/" + sendId, "Links sent");
    List<String> links =
        LINK_ID.matcher(live.body()).results().map(m -> m.group(1)).distinct().toList();
    assertThat(links).hasSize(2);

    // A recipient: one wrong address, then the right one.
    usedLink = links.get(0);
    OutboxMessage email =
        CONSOLE.notify.outbox().stream()
            .filter(m -> usedLink.equals(m.reference()))
            .findFirst()
            .orElseThrow();
    String url = String.valueOf(email.personalisation().get("download_link"));
    String path = url.substring(url.indexOf("/download/"));
    assertThat(postDownload(path, "someone.else@example.org").statusCode()).isNotEqualTo(200);
    assertThat(postDownload(path, email.emailAddress()).statusCode()).isEqualTo(200);
    await(
        "the use to reach the workflow",
        () ->
            CONSOLE.queryLong(
                    "SELECT count(*) FROM links WHERE id = ? AND use_signal_result = 'signalled'",
                    UUID.fromString(usedLink))
                == 1);

    // Support download the original file.
    HttpResponse<byte[]> original =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/sends/" + sendId + "/file"))
                    .header("Cookie", "courier_session=" + support.cookie("courier_session"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(original.statusCode()).isEqualTo(200);

    // Resend the other link, then revoke everything.
    ConsoleBrowser.Page page = support.get("/sends/" + sendId);
    assertThat(
            support
                .post(
                    "/sends/" + sendId + "/links/" + links.get(1) + "/resend",
                    "csrf_token",
                    page.csrfToken())
                .status())
        .isEqualTo(303);
    ConsoleBrowser.Page revokePage = support.get("/sends/" + sendId + "/revoke");
    assertThat(
            support
                .post(
                    "/sends/" + sendId + "/revoke",
                    "csrf_token",
                    revokePage.csrfToken(),
                    "reason",
                    "Audit test: withdrawn <at once>")
                .status())
        .isEqualTo(303);
    awaitPage(support, "/sends/" + sendId, ">Completed<");
  }

  @Test
  void eachActionLeavesExactlyTheExpectedAuditRows() throws Exception {
    List<String> rows =
        CONSOLE
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT action || ' ' || outcome || ' ' || actor FROM audit_events"
                                + " WHERE send_id = ? ORDER BY action, outcome, actor")
                        .bind(0, UUID.fromString(sendId))
                        .mapTo(String.class)
                        .list());
    assertThat(rows)
        .containsExactlyInAnyOrder(
            // created by support; the workflow exports and sends two links
            "send.created ok " + SUPPORT,
            "send.confirm ok " + SUPPORT,
            "send.confirmed ok " + SUPPORT,
            "send.exported ok courier",
            "link.created ok courier",
            "link.created ok courier",
            "email.accepted ok courier",
            "email.accepted ok courier",
            "send.links_live ok courier",
            // a wrong address, then the right one
            "link.download_refused refused visitor",
            "link.used ok finance@payer.example.org",
            // support fetch the original file
            "send.file_downloaded ok " + SUPPORT,
            // a resend: the old link dies, a new one is made and emailed
            "send.resend ok " + SUPPORT,
            "link.revoked ok " + SUPPORT,
            "link.created ok " + SUPPORT,
            "email.accepted ok courier",
            // revoking kills the live link and ends the send
            "send.revoke ok " + SUPPORT,
            "link.revoked ok " + SUPPORT,
            "send.completed ok courier");
  }

  @Test
  void aCancelledSendAndARefusedConfirmationLeaveExactlyTheirRows() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser.Page start = awaitPage(support, "/sends/new", "id=\"start-clawbacks\"");
    ConsoleBrowser.Page started =
        support.post("/sends", ConsoleBrowser.withToken(start.csrfToken(), "kind", "clawbacks"));
    Matcher id = SEND_ID.matcher(started.location());
    assertThat(id.find()).as(started.location()).isTrue();
    String cancelled = id.group(1);
    ConsoleBrowser.Page cancelPage = support.get("/sends/" + cancelled + "/cancel");
    assertThat(
            support
                .post(
                    "/sends/" + cancelled + "/cancel",
                    "csrf_token",
                    cancelPage.csrfToken(),
                    "reason",
                    "Audit test: started by mistake")
                .status())
        .isEqualTo(303);
    awaitPage(support, "/sends/" + cancelled, ">Cancelled<");
    ConsoleBrowser.Page late =
        support.post("/sends/" + cancelled + "/confirm", "csrf_token", cancelPage.csrfToken());
    assertThat(late.status()).isNotEqualTo(303);

    List<String> rows =
        CONSOLE
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT action || ' ' || outcome || ' ' || actor FROM audit_events"
                                + " WHERE send_id = ?")
                        .bind(0, UUID.fromString(cancelled))
                        .mapTo(String.class)
                        .list());
    assertThat(rows)
        .containsExactlyInAnyOrder(
            "send.created ok " + SUPPORT,
            "send.cancel ok " + SUPPORT,
            "send.cancelled ok " + SUPPORT,
            "send.confirm refused " + SUPPORT);
    assertThat(CONSOLE.signedIn(AUDITOR).get("/audit/sends/" + cancelled).body())
        .contains("Audit test: started by mistake")
        .contains("data-action=\"send.cancelled\"")
        .contains("id=\"no-file\"");
  }

  @Test
  void signInsLeaveExactlyOneRowForEachSuccessAndFailureWithWhereTheyCameFrom() {
    String who = "AND actor = ? AND client_address IS NOT NULL AND user_agent IS NOT NULL";
    String refusedSql =
        "SELECT count(*) FROM audit_events WHERE action = 'user.sign_in' AND outcome = 'refused' "
            + who;
    String okSql =
        "SELECT count(*) FROM audit_events WHERE action = 'user.signed_in' AND outcome = 'ok' "
            + who;
    long refused = CONSOLE.queryLong(refusedSql, ADMIN);
    long ok = CONSOLE.queryLong(okSql, ADMIN);

    assertThat(CONSOLE.browser().signIn(ADMIN, "wrong-password").status()).isNotEqualTo(303);
    assertThat(CONSOLE.queryLong(refusedSql, ADMIN)).isEqualTo(refused + 1);
    assertThat(CONSOLE.queryLong(okSql, ADMIN)).isEqualTo(ok);

    CONSOLE.signedIn(ADMIN);
    assertThat(CONSOLE.queryLong(refusedSql, ADMIN)).isEqualTo(refused + 1);
    assertThat(CONSOLE.queryLong(okSql, ADMIN)).isEqualTo(ok + 1);
  }

  @Test
  void theApplicationsRoleIsRefusedUpdateDeleteAndTruncateOnTheTrail() throws Exception {
    String url = CONSOLE.database.jdbcUrl();
    try (Connection app =
            DriverManager.getConnection(url, "courier_app", "courier_app_test_password");
        Statement statement = app.createStatement()) {
      statement.execute(
          "INSERT INTO audit_events (actor, action) VALUES ('role-test', 'test.inserted')");
      assertThat(count(statement, "SELECT count(*) FROM audit_events WHERE actor = 'role-test'"))
          .isEqualTo(1);
      for (String sql :
          List.of(
              "UPDATE audit_events SET actor = 'someone else' WHERE actor = 'role-test'",
              "DELETE FROM audit_events WHERE actor = 'role-test'",
              "TRUNCATE audit_events",
              "DROP TRIGGER audit_events_append_only ON audit_events",
              "ALTER TABLE audit_events DISABLE TRIGGER ALL")) {
        assertThatThrownBy(() -> statement.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(
                e ->
                    assertThat(((SQLException) e).getSQLState())
                        .as(e.getMessage())
                        .isIn("42501", "42P01"));
      }
      assertThat(count(statement, "SELECT count(*) FROM audit_events WHERE actor = 'role-test'"))
          .isEqualTo(1);
      // What the application needs elsewhere still works.
      statement.execute("UPDATE users SET display_name = display_name WHERE false");
    }
    // The owner, too, meets the trigger: the second line of defence.
    try (Connection owner = DriverManager.getConnection(url, "postgres", "postgres");
        Statement statement = owner.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE audit_events SET actor = 'x' WHERE actor = 'role-test'",
              "DELETE FROM audit_events WHERE actor = 'role-test'",
              "TRUNCATE audit_events")) {
        assertThatThrownBy(() -> statement.execute(sql))
            .as(sql)
            .hasMessageContaining("audit_events is append-only");
      }
    }
  }

  @Test
  void theRenderedHistoryShowsCreationConfirmationActivitiesTheDownloadAndTheRevocation() {
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    ConsoleBrowser.Page history = auditor.get("/audit/sends/" + sendId + "/history");
    assertThat(history.status()).isEqualTo(200);
    String body = history.body();
    assertThat(body)
        .contains("<h1 class=\"govuk-heading-l\">Workflow history</h1>")
        .contains("data-event-type=\"Workflow started\"")
        .contains("data-event-type=\"Update accepted\"")
        .contains("<code>confirm</code>")
        .contains("confirmedBy: " + SUPPORT)
        .contains("data-event-type=\"Activity completed\"")
        .contains("<code>ExportClaims</code>")
        .contains("<code>SendLinkEmail</code>")
        .contains("<code>CreateLinks</code>")
        .contains("<code>RevokeLinks</code>")
        .contains("data-event-type=\"Signal received\"")
        .contains("<code>linkUsed</code>")
        .contains(usedLink)
        .contains("<code>revoke</code>")
        .contains("reason: Audit test: withdrawn &lt;at once&gt;")
        .contains("revokedBy: " + SUPPORT)
        .doesNotContain("<at once>")
        .contains("data-event-type=\"Timer started\"")
        .contains("data-event-type=\"Workflow completed\"")
        .contains("href=\"/audit/sends/" + sendId + "/history.json\"")
        .contains(
            "href=\"http://temporal-ui.test:8233/namespaces/default/workflows/send-"
                + sendId
                + "\"");
    assertThat(count(body, "<h1")).isEqualTo(1);
  }

  @Test
  void theHistoryIsArchivedToBlobStorageAndReadFromThereWhenTemporalCannotAnswer()
      throws Exception {
    await(
        "the history to be archived",
        () ->
            CONSOLE.queryLong(
                    "SELECT count(*) FROM sends WHERE id = ? AND history_blob_name IS NOT NULL"
                        + " AND history_archived_at IS NOT NULL",
                    UUID.fromString(sendId))
                == 1);
    String blobName =
        CONSOLE
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT history_blob_name FROM sends WHERE id = ?")
                        .bind(0, UUID.fromString(sendId))
                        .mapTo(String.class)
                        .one());
    assertThat(blobName).isEqualTo("workflow-histories/send-" + sendId + ".json");
    BlobStore blobs = new BlobStore(Azurite.connectionString(), "courier-test-files");
    WorkflowHistories temporalDown =
        new WorkflowHistories(
            () -> {
              throw new IllegalStateException("Temporal is down");
            },
            blobs);
    WorkflowHistories.History archived =
        temporalDown.find("send-" + sendId, blobName).orElseThrow();
    assertThat(archived.source()).isEqualTo(WorkflowHistories.Source.ARCHIVE);
    assertThat(WorkflowHistories.isClosed(archived.json())).isTrue();
    assertThat(WorkflowHistories.render(archived.json()))
        .extracting(e -> e.type())
        .contains("Workflow started", "Update accepted", "Signal received", "Workflow completed");
    assertThat(blobs.container().getProperties().getBlobPublicAccess()).isNull();

    ConsoleBrowser.Page page = CONSOLE.signedIn(AUDITOR).get("/audit/sends/" + sendId);
    assertThat(page.body()).contains("Archived at ");
  }

  @Test
  void theRawHistoryDownloadsAsAnAttachmentAndTheDownloadIsRecorded() throws Exception {
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    HttpResponse<String> json = get(auditor, "/audit/sends/" + sendId + "/history.json");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"send-" + sendId + "-history.json\"");
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(json.body()).contains("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED");
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM audit_events WHERE actor = ? AND send_id = ?"
                    + " AND action = 'audit.history_downloaded'",
                AUDITOR,
                UUID.fromString(sendId)))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theSendsAuditPageAnswersWhoWhatToWhomAndWhen() {
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    ConsoleBrowser.Page page = auditor.get("/audit/sends/" + sendId);
    assertThat(page.status()).isEqualTo(200);
    String sha256 =
        CONSOLE
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT sha256 FROM sends WHERE id = ?")
                        .bind(0, UUID.fromString(sendId))
                        .mapTo(String.class)
                        .one());
    assertThat(page.body())
        .contains("<dd class=\"govuk-summary-list__value\" id=\"started-by\">" + SUPPORT + "</dd>")
        .contains(
            "<dd class=\"govuk-summary-list__value\" id=\"confirmed-by\">" + SUPPORT + "</dd>")
        .contains("<code id=\"sha256\">" + sha256 + "</code>")
        .contains("claim_reference, school_urn, school_name")
        .contains("finance@payer.example.org, claims.team@payer.example.org")
        .contains("data-link-id=\"" + usedLink + "\"")
        .contains("Used up at ")
        .contains("Revoked at ")
        .contains("data-action=\"link.used\"")
        .contains("data-action=\"send.confirmed\"")
        .contains("data-action=\"link.download_refused\"")
        .contains("id=\"claim-references\"")
        .contains(
            "href=\"http://temporal-ui.test:8233/namespaces/default/workflows/send-"
                + sendId
                + "\"");
    assertThat(count(page.body(), "<h1")).isEqualTo(1);
  }

  @Test
  void sendsFilterByKindStateDatesRecipientAndPerson() {
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    String today = LocalDate.now(AuditService.UK).toString();
    String row = "data-send-id=\"" + sendId + "\"";
    assertThat(auditor.get("/audit/sends").body()).contains(row);
    assertThat(
            auditor
                .get(
                    "/audit/sends?kind=payments&state=completed&from="
                        + today
                        + "&to="
                        + today
                        + "&recipient=FINANCE%40payer&person=support%40courier")
                .body())
        .contains(row);
    assertThat(auditor.get("/audit/sends?kind=clawbacks").body()).doesNotContain(row);
    assertThat(auditor.get("/audit/sends?state=cancelled").body()).doesNotContain(row);
    assertThat(auditor.get("/audit/sends?recipient=nobody%40example.org").body())
        .doesNotContain(row)
        .contains("No sends match these filters.");
    assertThat(auditor.get("/audit/sends?person=admin%40courier").body()).doesNotContain(row);
    assertThat(auditor.get("/audit/sends?to=2000-01-01").body()).doesNotContain(row);
    ConsoleBrowser.Page badDate = auditor.get("/audit/sends?from=yesterday");
    assertThat(badDate.status()).isEqualTo(200);
    assertThat(badDate.body()).contains("<a href=\"#from\">Enter the start date as YYYY-MM-DD");
  }

  @Test
  void auditorsReachEveryAuditPageAndAreRefusedEveryAction() throws Exception {
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    String today = LocalDate.now(AuditService.UK).toString();
    List<String> pages =
        List.of(
            "/audit/sends",
            "/audit/sends/" + sendId,
            "/audit/sends/" + sendId + "/history",
            "/audit/export");
    for (String path : pages) {
      ConsoleBrowser.Page page = auditor.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body())
          .as(path)
          .contains("href=\"/audit/sends\" aria-current=\"page\"")
          .doesNotContain("id=\"confirm-send\"")
          .doesNotContain("id=\"revoke-links\"");
    }
    assertThat(get(auditor, "/audit/sends/" + sendId + "/history.json").statusCode())
        .isEqualTo(200);
    assertThat(get(auditor, "/audit/export.csv?from=" + today + "&to=" + today).statusCode())
        .isEqualTo(200);
    for (String reader : List.of(SUPPORT, ADMIN)) {
      assertThat(CONSOLE.signedIn(reader).get("/audit/sends/" + sendId).status())
          .as(reader)
          .isEqualTo(200);
    }
    assertThat(CONSOLE.browser().open("/audit/sends").status()).as("signed out").isEqualTo(303);

    long before = CONSOLE.queryLong("SELECT count(*) FROM audit_events");
    String token = auditor.get("/audit/sends").csrfToken();
    for (String path :
        List.of(
            "/audit/sends",
            "/audit/sends/" + sendId,
            "/audit/sends/" + sendId + "/history",
            "/audit/sends/" + sendId + "/history.json",
            "/audit/export",
            "/audit/export.csv",
            "/sends",
            "/sends/" + sendId + "/revoke",
            "/sends/" + sendId + "/links/" + usedLink + "/resend",
            "/admin/users")) {
      ConsoleBrowser.Page refused =
          auditor.post(path, "csrf_token", token, "from", today, "to", today, "kind", "payments");
      assertThat(refused.status()).as(path).isIn(403, 405);
    }
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM audit_events"))
        .as("refused posts record only refusals, never change a send")
        .isGreaterThanOrEqualTo(before);
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM sends"))
        .isEqualTo(CONSOLE.queryLong("SELECT count(*) FROM sends"));
  }

  @Test
  void theTrailOfADateRangeExportsAsNeutralisedRfc4180CsvAndTheExportIsRecorded() throws Exception {
    CONSOLE.execute(
        "INSERT INTO audit_events (actor, action, detail) VALUES"
            + " ('=HYPERLINK(\"http://evil\")', 'test.formula', '{\"note\": \"a, \\\"b\\\"\"}')");
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    String today = LocalDate.now(AuditService.UK).toString();
    HttpResponse<String> csv = get(auditor, "/audit/export.csv?from=" + today + "&to=" + today);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .isEqualTo("attachment; filename=\"courier-audit-" + today + "-to-" + today + ".csv\"");
    String body = csv.body();
    assertThat(body)
        .startsWith(
            "id,occurred_at,actor,action,outcome,send_id,link_id,client_address,user_agent,detail\r\n")
        .contains("\"'=HYPERLINK(\"\"http://evil\"\")\",test.formula,ok,")
        .contains("\"{\"\"note\"\": \"\"a, \\\"\"b\\\"\"\"\"}\"")
        .contains(",send.confirmed,ok," + sendId + ",")
        .contains(",link.used,ok," + sendId + "," + usedLink + ",")
        .doesNotContain(",=HYPERLINK");
    assertThat(body.split("\r\n", -1)[body.split("\r\n", -1).length - 1]).isEmpty();
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM audit_events WHERE actor = ? AND action = 'audit.exported'"
                    + " AND detail ->> 'from' = ?",
                AUDITOR,
                today))
        .isGreaterThanOrEqualTo(1);

    HttpResponse<String> backwards =
        get(auditor, "/audit/export.csv?from=" + today + "&to=2000-01-01");
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body())
        .contains("<a href=\"#to\">The last day must be the same as or after the first day</a>");
    assertThat(get(auditor, "/audit/export.csv?from=&to=").statusCode()).isEqualTo(400);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static HttpResponse<String> postDownload(String path, String address) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> landing =
        client.send(
            HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher token = FORM_TOKEN.matcher(landing.body());
    assertThat(token.find()).as(landing.body()).isTrue();
    String form =
        "email_address="
            + URLEncoder.encode(address, StandardCharsets.UTF_8)
            + "&form_token="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(ConsoleBrowser browser, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri(path))
                .header("Cookie", "courier_session=" + browser.cookie("courier_session"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
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

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (var rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
