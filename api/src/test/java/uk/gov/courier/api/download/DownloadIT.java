package uk.gov.courier.api.download;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import uk.gov.courier.api.CourierApplication;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.download.FormTokens;
import uk.gov.courier.notify.NotifyServer;
import uk.gov.courier.notify.NotifyServerConfig;
import uk.gov.courier.notify.OutboxMessage;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;
import uk.gov.courier.workflows.send.LinkSummary;
import uk.gov.courier.workflows.send.SendStatus;
import uk.gov.courier.workflows.send.SendWorkflow;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * The recipient's download, as a browser (and an attacker) meets it, on real PostgreSQL, Azurite,
 * the Notify-compatible server and Temporal: pages that change nothing, one use under a race, the
 * database's clock, rate limits, a broken stream, headers, logs, and the workflow hearing of it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DownloadIT {

  private static final TestPostgres.TestDatabase DATABASE = TestPostgres.freshDatabase();
  private static final NotifyServer NOTIFY =
      NotifyServer.start(
          NotifyServerConfig.forTests()
              .withApiKey(
                  "courier_test-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1"));
  private static final int TEMPORAL_PORT = freePort();
  private static final String SUPPORT_KEY = "courier_test_support_api_key";
  private static final Path REQUEST_LOG = Path.of("target/courier-requests-it.log");

  static final DropwizardAppExtension<CourierConfiguration> APP =
      new DropwizardAppExtension<>(
          CourierApplication.class,
          ResourceHelpers.resourceFilePath("courier-test.yml"),
          ConfigOverride.config("database.dataSource.url", DATABASE.jdbcUrl()),
          ConfigOverride.config("blobStore.connectionString", Azurite::connectionString),
          ConfigOverride.config("notify.baseUrl", NOTIFY.baseUrl()),
          ConfigOverride.config("temporal.inProcessPort", Integer.toString(TEMPORAL_PORT)));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");
  private static final List<ILoggingEvent> APP_LOG = new CopyOnWriteArrayList<>();
  private static final AppenderBase<ILoggingEvent> CAPTURE =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.prepareForDeferredProcessing();
          APP_LOG.add(event);
        }
      };

  private static Jdbi jdbi;
  private static DownloadFixtures fixtures;
  private static Level rootLevel;

  @BeforeAll
  static void captureTheApplicationLogAndPrepareFixtures() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.INFO);
    CAPTURE.setContext(context);
    CAPTURE.start();
    root.addAppender(CAPTURE);

    jdbi = Jdbis.create(DATABASE.dataSource());
    BlobStore blobs = new BlobStore(Azurite.connectionString(), "courier-test-files");
    blobs.ensureContainer();
    fixtures = new DownloadFixtures(jdbi, blobs);
  }

  @AfterAll
  static void stop() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(CAPTURE);
    root.setLevel(rootLevel);
    NOTIFY.close();
  }

  /** Each test starts with no recent failed attempts, so rate limits never leak between tests. */
  @BeforeEach
  void forgetRecentAttempts() {
    jdbi.useHandle(
        h ->
            h.execute("UPDATE download_attempts SET occurred_at = occurred_at - interval '1 day'"));
  }

  // --- opening the link ---------------------------------------------------------------------

  @Test
  void openingTheLinkShowsWhatTheFileIsAndAsksForTheAddressWithoutTheTokenInThePage()
      throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    HttpResponse<String> page = get(link.path());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body())
        .contains("/govuk/govuk-frontend.min.css")
        .contains("Payments file for ")
        .contains("Claims to pay")
        .contains("Claim window")
        .contains("2 rows")
        .contains("Payments agency (test)")
        .contains("The claims support team")
        .contains("support@courier.test")
        .contains("Link expires")
        .contains("payments-claim-window-2025-to-2026-2026-12-04.csv")
        .contains("What email address was this link sent to?")
        .contains("<form method=\"post\" novalidate>")
        .contains("name=\"email_address\"")
        .contains("data-prevent-double-click=\"true\"")
        .contains(link.sha256())
        .doesNotContain(link.token())
        .doesNotContain("govuk-error-summary")
        .doesNotContain(DownloadFixtures.ADDRESS);
    assertThat(formToken(page)).isNotBlank();
  }

  @Test
  void getAndHeadAnyNumberOfTimesLeaveTheLinkUsable() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    for (int i = 0; i < 5; i++) {
      assertThat(get(link.path()).statusCode()).isEqualTo(200);
      HttpResponse<Void> head = head(link.path());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");
    }

    assertThat(linkColumn(link, "used_at")).isNull();
    assertThat(attempts(link, "viewed")).isEqualTo(10);
    assertThat(attemptMethods(link)).containsOnly("GET", "HEAD");
    HttpResponse<byte[]> download = postForFile(link, DownloadFixtures.ADDRESS);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(link.content());
  }

  // --- using the link -------------------------------------------------------------------------

  @Test
  void theDownloadIsTheBlobByteForByteAsAnAttachmentMatchingTheRecordedSha256() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    HttpResponse<byte[]> download = postForFile(link, DownloadFixtures.ADDRESS);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .matches("text/csv; ?charset=(?i)utf-8");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .contains(
            "attachment; filename=\"payments-claim-window-2025-to-2026-2026-12-04.csv\";"
                + " filename*=UTF-8''payments-claim-window-2025-to-2026-2026-12-04.csv");
    assertThat(download.headers().firstValue("Content-Length"))
        .contains(Integer.toString(link.content().length));
    assertThat(download.body()).isEqualTo(link.content());
    assertThat(DownloadFixtures.sha256(download.body()))
        .isEqualTo(sendColumn(link, "sha256"))
        .isEqualTo(link.sha256());
    assertThat(download.body()).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("École Saint-Étienne");

    assertThat(linkColumn(link, "used_at")).isNotNull();
    assertThat(linkColumn(link, "delivered_at")).isNotNull();
    assertThat(linkColumn(link, "used_from")).isEqualTo("127.0.0.1");
    assertThat(attempts(link, "downloaded")).isEqualTo(1);
    assertThat(
            query(
                "SELECT bytes_sent FROM download_attempts WHERE link_id = ? AND outcome ="
                    + " 'downloaded'",
                link.linkId()))
        .isEqualTo(String.valueOf(link.content().length));
    assertThat(auditActions(link)).contains("link.used");
    assertThat(
            query(
                "SELECT actor || ' ' || client_address FROM audit_events WHERE link_id = ? AND"
                    + " action = 'link.used'",
                link.linkId()))
        .isEqualTo(DownloadFixtures.ADDRESS + " 127.0.0.1");

    HttpResponse<String> again = post(link, DownloadFixtures.ADDRESS, pageFormToken(link));
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("This link has already been used");
  }

  @Test
  void aBrowserAskingForCompressionStillSavesExactlyTheBlobsBytes() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    HttpResponse<byte[]> download =
        sendForBytes(
            HttpRequest.newBuilder(uri(link.path()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Encoding", "gzip")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(DownloadFixtures.ADDRESS, formToken(link))))
                .build());

    assertThat(download.statusCode()).isEqualTo(200);
    byte[] saved =
        "gzip".equals(download.headers().firstValue("Content-Encoding").orElse(""))
            ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(download.body()))
                .readAllBytes()
            : download.body();
    assertThat(saved).isEqualTo(link.content());
    assertThat(linkColumn(link, "delivered_at")).isNotNull();
  }

  @Test
  void theAddressIsComparedWithoutRegardToCaseOrSurroundingSpaces() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    HttpResponse<byte[]> download = postForFile(link, "  FINANCE@Payer.Example.ORG \t");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(link.content());
  }

  @Test
  void twoHundredSimultaneousDownloadsGiveTheFileToExactlyOneAndTheUsedPageToTheRest()
      throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    String form = form(DownloadFixtures.ADDRESS, formToken(link));
    HttpRequest request =
        HttpRequest.newBuilder(uri(link.path()))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();

    List<CompletableFuture<HttpResponse<byte[]>>> racing = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      racing.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
    CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).join();

    int files = 0;
    int usedPages = 0;
    for (CompletableFuture<HttpResponse<byte[]>> future : racing) {
      HttpResponse<byte[]> response = future.join();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (response.statusCode() == 200 && type.startsWith("text/csv")) {
        assertThat(response.body()).isEqualTo(link.content());
        files++;
      } else {
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
            .contains("This link has already been used");
        usedPages++;
      }
    }
    assertThat(files).isEqualTo(1);
    assertThat(usedPages).isEqualTo(199);
    assertThat(attempts(link, "downloaded")).isEqualTo(1);
    assertThat(attempts(link, "already_used")).isEqualTo(199);
    assertThat(attempts(link, "streaming") + attempts(link, "stream_failed")).isZero();
    assertThat(count("SELECT count(*) FROM links WHERE id = ? AND used_at IS NOT NULL", link))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM audit_events WHERE link_id = ? AND action = 'link.used'",
                link))
        .isEqualTo(1);
  }

  // --- refusals -------------------------------------------------------------------------------

  @Test
  void aLinkPastItsExpiryByDatabaseTimeIsRefusedThoughNoWorkflowRevokedIt() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    String formToken = formToken(link);
    fixtures.expire(link);
    assertThat(linkColumn(link, "revoked_at")).isNull();

    HttpResponse<String> download = post(link, DownloadFixtures.ADDRESS, formToken);
    HttpResponse<String> page = get(link.path());

    for (HttpResponse<String> response : List.of(download, page)) {
      assertThat(response.statusCode()).isEqualTo(410);
      assertThat(response.body())
          .contains("This link has expired")
          .contains("support@courier.test")
          .contains("To get a new link");
    }
    assertThat(linkColumn(link, "used_at")).isNull();
    assertThat(attempts(link, "expired")).isEqualTo(2);
    assertThat(auditActions(link)).containsExactly("link.download_refused");
  }

  @Test
  void aRevokedLinkIsRefusedAndSaysToLookForANewerLink() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    String formToken = formToken(link);
    fixtures.revoke(link);

    HttpResponse<String> download = post(link, DownloadFixtures.ADDRESS, formToken);
    HttpResponse<String> page = get(link.path());

    for (HttpResponse<String> response : List.of(download, page)) {
      assertThat(response.statusCode()).isEqualTo(410);
      assertThat(response.body())
          .contains("This link has been cancelled")
          .contains("check your email for a newer message")
          .contains("support@courier.test");
    }
    assertThat(linkColumn(link, "used_at")).isNull();
    assertThat(attempts(link, "revoked")).isEqualTo(2);
  }

  @Test
  void aWrongAddressIsRefusedCountedAndDoesNotUseTheLink() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    HttpResponse<String> wrong = post(link, "someone.else@payer.example.org", formToken(link));

    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(wrong.body())
        .contains("<title>Error: Download payments file for ")
        .contains("govuk-error-summary")
        .contains(
            "<a href=\"#email-address\">The email address does not match the one this link was"
                + " sent to</a>")
        .contains("id=\"email-address\"")
        .contains("govuk-input--error")
        .contains("You can try 4 more times")
        .contains("value=\"someone.else@payer.example.org\"");
    assertThat(formToken(wrong)).isNotBlank();
    assertThat(linkColumn(link, "used_at")).isNull();
    assertThat(
            count(
                "SELECT count(*) FROM download_attempts WHERE link_id = ? AND outcome ="
                    + " 'wrong_address' AND counted",
                link))
        .isEqualTo(1);
    assertThat(
            query(
                "SELECT detail->>'reason' FROM audit_events WHERE link_id = ? AND action ="
                    + " 'link.download_refused'",
                link.linkId()))
        .isEqualTo("wrong_address");
    assertThat(query("SELECT detail::text FROM audit_events WHERE link_id = ?", link.linkId()))
        .doesNotContain("someone.else");

    HttpResponse<byte[]> right = postForFile(link, DownloadFixtures.ADDRESS);
    assertThat(right.statusCode()).isEqualTo(200);
  }

  @Test
  void aBlankOrMalformedAddressGetsAnErrorLinkedToTheFieldAndIsNotCounted() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    HttpResponse<String> blank = post(link, "   ", formToken(link));
    HttpResponse<String> notAnAddress = post(link, "finance", formToken(link));

    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body())
        .contains("<a href=\"#email-address\">Enter the email address this link was sent to</a>");
    assertThat(notAnAddress.statusCode()).isEqualTo(400);
    assertThat(notAnAddress.body()).contains("Enter an email address in the correct format");
    assertThat(count("SELECT count(*) FROM download_attempts WHERE link_id = ? AND counted", link))
        .isZero();
    assertThat(linkColumn(link, "used_at")).isNull();
  }

  @Test
  void aMissingOrForgedFormTokenIsRefusedWithoutUsingTheLink() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    DownloadFixtures.Link other = fixtures.aLiveLink();
    FormTokens forms =
        new FormTokens(DownloadFixtures.LINK_TOKEN_KEY.getBytes(StandardCharsets.UTF_8));

    List<HttpResponse<String>> refused =
        List.of(
            post(link, DownloadFixtures.ADDRESS, null),
            post(link, DownloadFixtures.ADDRESS, "forged"),
            post(link, DownloadFixtures.ADDRESS, formToken(other)),
            post(
                link,
                DownloadFixtures.ADDRESS,
                forms.issue(link.linkId(), Instant.now().minus(Duration.ofHours(13)))),
            send(
                HttpRequest.newBuilder(uri(other.path()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Sec-Fetch-Site", "cross-site")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            form(DownloadFixtures.ADDRESS, formToken(other))))
                    .build()));

    for (HttpResponse<String> response : refused) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .contains("This page had expired, so the file was not downloaded")
          .contains("<a href=\"#email-address\">");
      assertThat(formToken(response)).isNotBlank();
    }
    assertThat(linkColumn(link, "used_at")).isNull();
    assertThat(linkColumn(other, "used_at")).isNull();
    assertThat(attempts(link, "bad_form_token")).isEqualTo(4);
    assertThat(attempts(other, "bad_form_token")).isEqualTo(1);
    assertThat(postForFile(other, DownloadFixtures.ADDRESS).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownTokenAndAMalformedOneGiveIdenticalPages() throws Exception {
    DownloadFixtures.Link known = fixtures.aLiveLink();
    String unknown = known.token().substring(0, 42) + (known.token().endsWith("A") ? "B" : "A");
    List<String> paths =
        List.of(
            "/download/" + unknown,
            "/download/" + UUID.randomUUID(),
            "/download/not-a-token",
            "/download/" + known.token() + "x",
            "/download/" + known.token() + "/extra",
            "/download/%3Cscript%3E",
            "/download/");

    HttpResponse<String> first = get(paths.get(0));
    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(first.body())
        .contains("This link is not valid")
        .contains("Check that you used the whole link")
        .contains("support@courier.test");
    for (String path : paths) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).as(path).isEqualTo(first.body());
      assertThat(headersThatMatter(page)).as(path).isEqualTo(headersThatMatter(first));
      HttpResponse<String> posted =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form(DownloadFixtures.ADDRESS, "x")))
                  .build());
      assertThat(posted.statusCode()).as(path).isEqualTo(404);
      assertThat(posted.body()).as(path).isEqualTo(first.body());
    }
  }

  @Test
  void aFileMissingFromStorageLeavesTheLinkUnusedAndSaysToTryLater() throws Exception {
    DownloadFixtures.Link link = fixtures.aLink(DownloadFixtures.CSV, false);

    HttpResponse<String> response = post(link, DownloadFixtures.ADDRESS, formToken(link));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body())
        .contains("the file is not available right now")
        .contains("Your link has not been used");
    assertThat(linkColumn(link, "used_at")).isNull();
    assertThat(linkColumn(link, "revoked_at")).isNull();
    assertThat(attempts(link, "file_unavailable")).isEqualTo(1);
  }

  // --- rate limits ----------------------------------------------------------------------------

  @Test
  void wrongAddressesOnALinkTripItsRateLimitWhichRecoversWhenTheAttemptsAge() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    for (int i = 1; i <= 4; i++) {
      HttpResponse<String> wrong = post(link, "guess" + i + "@payer.example.org", formToken(link));
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.body()).contains(i == 4 ? "try 1 more time" : "try " + (5 - i) + " more");
    }
    HttpResponse<String> fifth = post(link, "guess5@payer.example.org", formToken(link));
    assertThat(fifth.statusCode()).isEqualTo(429);

    // The landing page is rate limited too, so the form token is made as the page would make it.
    HttpResponse<String> right = post(link, DownloadFixtures.ADDRESS, pageFormToken(link));
    HttpResponse<String> page = get(link.path());
    for (HttpResponse<String> limited : List.of(fifth, right, page)) {
      assertThat(limited.statusCode()).isEqualTo(429);
      long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 15 * 60L);
      assertThat(limited.body())
          .contains("Too many attempts")
          .contains("you cannot try again until")
          .contains("(UK time)")
          .contains("Your link has not been used");
    }
    assertThat(linkColumn(link, "used_at")).isNull();

    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE download_attempts SET occurred_at = occurred_at - interval '15 minutes'"
                    + " WHERE link_id = ?",
                link.linkId()));

    assertThat(get(link.path()).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> download = postForFile(link, DownloadFixtures.ADDRESS);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(link.content());
  }

  @Test
  void guessingTokensTripsTheClientAddressLimitForEveryLinkUntilTheAttemptsAge() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    for (int i = 0; i < 20; i++) {
      assertThat(get("/download/guess-" + i).statusCode()).isEqualTo(404);
    }

    HttpResponse<String> guess = get("/download/guess-21");
    HttpResponse<String> realLink = get(link.path());

    for (HttpResponse<String> limited : List.of(guess, realLink)) {
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(limited.body()).contains("Too many attempts");
    }
    assertThat(guess.body()).isEqualTo(realLink.body());
    assertThat(
            query(
                "SELECT count(*) FROM download_attempts WHERE outcome = ? AND client_address ="
                    + " '127.0.0.1' AND occurred_at > now() - interval '1 hour' AND link_id IS NULL"
                    + " AND counted",
                "unknown_link"))
        .isEqualTo("20");

    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE download_attempts SET occurred_at = occurred_at - interval '15 minutes'"
                    + " WHERE client_address = '127.0.0.1'"));

    assertThat(get(link.path()).statusCode()).isEqualTo(200);
  }

  // --- a broken stream ------------------------------------------------------------------------

  @Test
  void aStreamBrokenMidFileGivesTheLinkBackAndRecordsTheFailure() throws Exception {
    byte[] large = new byte[32 * 1024 * 1024];
    new Random(4).nextBytes(large);
    DownloadFixtures.Link link = fixtures.aLink(large, true);
    String body = form(DownloadFixtures.ADDRESS, formToken(link));

    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", APP.getLocalPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + link.path()
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] start = in.readNBytes(256 * 1024);
      String head = new String(start, 0, 2000, StandardCharsets.ISO_8859_1);
      head = head.substring(0, head.indexOf("\r\n\r\n"));
      assertThat(head).startsWith("HTTP/1.1 200").contains("Content-Type: text/csv");
      socket.setSoLinger(true, 0);
    }

    await(
        "the link to be given back",
        () -> linkColumn(link, "used_at") == null && attempts(link, "stream_failed") == 1);
    assertThat(linkColumn(link, "delivered_at")).isNull();
    assertThat(linkColumn(link, "revoked_at")).isNull();
    assertThat(
            query(
                "SELECT detail->>'released' FROM audit_events WHERE link_id = ? AND action ="
                    + " 'link.stream_failed'",
                link.linkId()))
        .isEqualTo("true");
    long sent =
        Long.parseLong(
            query(
                "SELECT bytes_sent FROM download_attempts WHERE link_id = ? AND outcome ="
                    + " 'stream_failed'",
                link.linkId()));
    assertThat(sent).isLessThan(large.length);

    HttpResponse<byte[]> retry = postForFile(link, DownloadFixtures.ADDRESS);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(large);
    assertThat(linkColumn(link, "delivered_at")).isNotNull();
  }

  // --- headers --------------------------------------------------------------------------------

  @Test
  void everyRecipientPageAndTheDownloadCarryTheProtectiveHeaders() throws Exception {
    DownloadFixtures.Link landing = fixtures.aLiveLink();
    DownloadFixtures.Link used = fixtures.aLiveLink();
    DownloadFixtures.Link expired = fixtures.aLiveLink();
    DownloadFixtures.Link revoked = fixtures.aLiveLink();
    DownloadFixtures.Link limited = fixtures.aLiveLink();
    DownloadFixtures.Link missing = fixtures.aLink(DownloadFixtures.CSV, false);
    HttpResponse<byte[]> file = postForFile(used, DownloadFixtures.ADDRESS);
    fixtures.expire(expired);
    fixtures.revoke(revoked);
    for (int i = 0; i < 5; i++) {
      post(limited, "guess" + i + "@payer.example.org", formToken(limited));
    }

    Map<String, HttpResponse<?>> responses = new java.util.LinkedHashMap<>();
    responses.put("landing", get(landing.path()));
    responses.put("head", head(landing.path()));
    responses.put("form error", post(landing, "nobody@payer.example.org", formToken(landing)));
    responses.put("download", file);
    responses.put("used", get(used.path()));
    responses.put("expired", get(expired.path()));
    responses.put("revoked", get(revoked.path()));
    responses.put("unknown", get("/download/nothing-here"));
    responses.put("too many attempts", get(limited.path()));
    responses.put("file unavailable", post(missing, DownloadFixtures.ADDRESS, formToken(missing)));
    responses.put(
        "wrong method", send(HttpRequest.newBuilder(uri(landing.path())).DELETE().build()));

    assertThat(responses.get("download").statusCode()).isEqualTo(200);
    assertThat(responses.get("too many attempts").statusCode()).isEqualTo(429);
    assertThat(responses.get("file unavailable").statusCode()).isEqualTo(503);
    responses.forEach(
        (name, response) -> {
          var headers = response.headers();
          assertThat(headers.firstValue("Cache-Control"))
              .as(name)
              .get()
              .asString()
              .matches("(.*,)? *no-store *(,.*)?");
          assertThat(headers.firstValue("Referrer-Policy")).as(name).contains("no-referrer");
          assertThat(headers.firstValue("X-Robots-Tag"))
              .as(name)
              .get()
              .asString()
              .contains("noindex");
          assertThat(headers.firstValue("X-Content-Type-Options")).as(name).contains("nosniff");
          assertThat(headers.firstValue("X-Frame-Options")).as(name).contains("DENY");
          assertThat(headers.allValues("Content-Security-Policy")).as(name).hasSize(1);
          assertThat(headers.firstValue("Content-Security-Policy"))
              .as(name)
              .get()
              .asString()
              .contains("default-src 'self'")
              .contains("script-src 'self'")
              .contains("frame-ancestors 'none'")
              .contains("form-action 'self'")
              .doesNotContain("unsafe-inline")
              .doesNotContain("unsafe-eval");
        });
  }

  // --- logs -----------------------------------------------------------------------------------

  @Test
  void noTokenReachesTheApplicationLogOrTheRequestLog() throws Exception {
    String agent = "courier-log-check-" + UUID.randomUUID();
    DownloadFixtures.Link link = fixtures.aLiveLink();
    DownloadFixtures.Link broken = fixtures.aLink(new byte[8 * 1024 * 1024], true);
    HttpRequest.Builder viewing =
        HttpRequest.newBuilder(uri(link.path())).header("User-Agent", agent);
    send(viewing.copy().GET().build());
    HTTP.send(
        viewing.copy().method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    String formToken = formToken(link);
    for (String address :
        List.of("wrong@payer.example.org", DownloadFixtures.ADDRESS, DownloadFixtures.ADDRESS)) {
      send(
          HttpRequest.newBuilder(uri(link.path()))
              .header("User-Agent", agent)
              .header("Referer", "http://localhost:8080" + link.path())
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(address, formToken)))
              .build());
    }
    send(
        HttpRequest.newBuilder(uri("/download/" + link.token() + "/x"))
            .header("User-Agent", agent)
            .build());
    String body = form(DownloadFixtures.ADDRESS, formToken(broken));
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + broken.path()
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: "
                      + agent
                      + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getInputStream().readNBytes(64 * 1024);
      socket.setSoLinger(true, 0);
    }
    await("the broken stream to be recorded", () -> attempts(broken, "stream_failed") == 1);

    int expected = 7; // GET, HEAD, three POSTs, a malformed GET, the broken POST
    await(
        "the request log to hold this test's requests",
        () -> requestLogLines().stream().filter(line -> line.contains(agent)).count() >= expected);
    List<String> ours = requestLogLines().stream().filter(line -> line.contains(agent)).toList();
    assertThat(ours).allSatisfy(line -> assertThat(line).contains("/download/[redacted]"));
    assertThat(ours)
        .anySatisfy(
            line -> assertThat(line).contains("\"POST /download/[redacted] HTTP/1.1\" 200"));

    List<String> everyLine = new ArrayList<>(requestLogLines());
    for (ILoggingEvent event : APP_LOG) {
      everyLine.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        everyLine.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      everyLine.add(String.valueOf(event.getMDCPropertyMap()));
    }
    assertThat(APP_LOG).isNotEmpty();
    assertThat(DownloadFixtures.TOKENS_MADE).contains(link.token(), broken.token());
    for (String token : DownloadFixtures.TOKENS_MADE) {
      assertThat(everyLine).noneSatisfy(line -> assertThat(line).contains(token));
    }
  }

  // --- the workflow -----------------------------------------------------------------------------

  @Test
  void aLinkFromAnOutboxEmailDownloadsOnceAndTheSendsWorkflowHearsOfIt() throws Exception {
    JsonNode created = api("POST", "/api/sends", "{\"kind\":\"payments\",\"claim_window_id\":2}");
    String sendId = created.path("id").asText();
    assertThat(sendId).as(created.toString()).isNotBlank();
    api("POST", "/api/sends/" + sendId + "/confirm", null);
    JsonNode live = awaitState(sendId, "links_live");
    String linkId = live.path("links").get(0).path("id").asText();
    OutboxMessage email =
        NOTIFY.outbox().stream()
            .filter(m -> linkId.equals(m.reference()))
            .findFirst()
            .orElseThrow();
    String url = String.valueOf(email.personalisation().get("download_link"));
    String path = url.substring(url.indexOf("/download/"));
    DownloadFixtures.TOKENS_MADE.add(path.substring("/download/".length()));

    HttpResponse<String> landing = get(path);
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.body()).contains("Payments file for ");
    HttpResponse<byte[]> file =
        sendForBytes(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form(email.emailAddress(), formToken(landing))))
                .build());
    assertThat(file.statusCode()).isEqualTo(200);
    String exportedSha256 = live.path("file").path("sha256").asText();
    assertThat(DownloadFixtures.sha256(file.body())).isEqualTo(exportedSha256);
    assertThat(get(path).body()).contains("This link has already been used");

    SendWorkflow workflow =
        temporal()
            .newWorkflowStub(
                SendWorkflow.class, SendWorkflowContract.workflowId(UUID.fromString(sendId)));
    await("the workflow to hear of the use", () -> usedAt(workflow.status(), linkId) != null);
    assertThat(
            query(
                "SELECT use_signal_result FROM links WHERE id = ? AND use_signalled_at IS NOT"
                    + " NULL",
                UUID.fromString(linkId)))
        .isEqualTo("signalled");

    // The sweep is the backstop: a use not yet signalled is signalled again (idempotently).
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE links SET use_signalled_at = NULL, use_signal_result = NULL WHERE id = ?",
                UUID.fromString(linkId)));
    await(
        "the sweep to signal the use",
        () ->
            "signalled"
                .equals(
                    query(
                        "SELECT use_signal_result FROM links WHERE id = ?",
                        UUID.fromString(linkId))));
    assertThat(usedAt(workflow.status(), linkId)).isNotNull();
  }

  @Test
  void aUseWhoseSendHasNoRunningWorkflowIsMarkedSoAndNotRetriedForever() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();

    assertThat(postForFile(link, DownloadFixtures.ADDRESS).statusCode()).isEqualTo(200);

    await(
        "the use to be settled",
        () -> "no_running_workflow".equals(linkColumn(link, "use_signal_result")));
    assertThat(linkColumn(link, "use_signalled_at")).isNotNull();
  }

  @Test
  void aDownloadLeftInFlightByAStoppedProcessIsGivenBackByTheSweep() throws Exception {
    DownloadFixtures.Link link = fixtures.aLiveLink();
    jdbi.useHandle(
        h -> {
          h.execute(
              "UPDATE links SET used_at = now() - interval '2 hours', used_from = '192.0.2.1'"
                  + " WHERE id = ?",
              link.linkId());
          h.execute(
              "INSERT INTO download_attempts (occurred_at, link_id, method, outcome,"
                  + " client_address) VALUES (now() - interval '2 hours', ?, 'POST', 'streaming',"
                  + " '192.0.2.1')",
              link.linkId());
        });
    assertThat(get(link.path()).body()).contains("This link has already been used");

    await("the sweep to give the link back", () -> linkColumn(link, "used_at") == null);
    assertThat(attempts(link, "stream_abandoned")).isEqualTo(1);
    assertThat(auditActions(link)).contains("link.stream_abandoned");
    assertThat(get(link.path()).statusCode()).isEqualTo(200);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static Instant usedAt(SendStatus status, String linkId) {
    return status.links().stream()
        .filter(l -> l.linkId().toString().equals(linkId))
        .map(LinkSummary::usedAt)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static WorkflowClient temporalClient;

  private static synchronized WorkflowClient temporal() {
    if (temporalClient == null) {
      temporalClient =
          WorkflowClient.newInstance(
              WorkflowServiceStubs.newServiceStubs(
                  WorkflowServiceStubsOptions.newBuilder()
                      .setTarget("127.0.0.1:" + TEMPORAL_PORT)
                      .build()));
    }
    return temporalClient;
  }

  private static JsonNode api(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + SUPPORT_KEY)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = send(request.build());
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    return JSON.readTree(response.body());
  }

  private static JsonNode awaitState(String sendId, String state) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode send = null;
    while (Instant.now().isBefore(deadline)) {
      send = api("GET", "/api/sends/" + sendId, null);
      if (state.equals(send.path("state").asText())) {
        return send;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("Send " + sendId + " did not reach " + state + ": " + send);
  }

  private static List<String> requestLogLines() {
    try {
      return Files.exists(REQUEST_LOG) ? Files.readAllLines(REQUEST_LOG) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, List<String>> headersThatMatter(HttpResponse<?> response) {
    Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.headers().map());
    headers.remove("X-Request-Id");
    headers.remove("Date");
    return headers;
  }

  private static String formToken(DownloadFixtures.Link link) throws Exception {
    return formToken(get(link.path()));
  }

  /** The form token the landing page would carry, for links whose page is no longer shown. */
  private static String pageFormToken(DownloadFixtures.Link link) {
    return new FormTokens(DownloadFixtures.LINK_TOKEN_KEY.getBytes(StandardCharsets.UTF_8))
        .issue(link.linkId(), Instant.now());
  }

  private static String formToken(HttpResponse<String> page) {
    Matcher matcher = FORM_TOKEN.matcher(page.body());
    assertThat(matcher.find()).as("a form token in " + page.body()).isTrue();
    return matcher.group(1);
  }

  private static String form(String address, String formToken) {
    StringBuilder form = new StringBuilder();
    if (address != null) {
      form.append("email_address=").append(URLEncoder.encode(address, StandardCharsets.UTF_8));
    }
    if (formToken != null) {
      form.append(form.isEmpty() ? "" : "&")
          .append("form_token=")
          .append(URLEncoder.encode(formToken, StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  private static HttpResponse<String> post(
      DownloadFixtures.Link link, String address, String formToken) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(link.path()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(address, formToken)))
            .build());
  }

  private static HttpResponse<byte[]> postForFile(DownloadFixtures.Link link, String address)
      throws Exception {
    String formToken = formToken(link);
    return sendForBytes(
        HttpRequest.newBuilder(uri(link.path()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(address, formToken)))
            .build());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private static HttpResponse<Void> head(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<byte[]> sendForBytes(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
  }

  private static String linkColumn(DownloadFixtures.Link link, String column) {
    return query("SELECT " + column + "::text FROM links WHERE id = ?", link.linkId());
  }

  private static String sendColumn(DownloadFixtures.Link link, String column) {
    return query("SELECT " + column + "::text FROM sends WHERE id = ?", link.sendId());
  }

  private static String query(String sql, Object argument) {
    return jdbi.withHandle(
        h -> h.createQuery(sql).bind(0, argument).mapTo(String.class).findFirst().orElse(null));
  }

  private static long count(String sql, DownloadFixtures.Link link) {
    return jdbi.withHandle(h -> h.createQuery(sql).bind(0, link.linkId()).mapTo(Long.class).one());
  }

  private static long attempts(DownloadFixtures.Link link, String outcome) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM download_attempts WHERE link_id = ? AND outcome = ?")
                .bind(0, link.linkId())
                .bind(1, outcome)
                .mapTo(Long.class)
                .one());
  }

  private static List<String> attemptMethods(DownloadFixtures.Link link) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT method FROM download_attempts WHERE link_id = ?")
                .bind(0, link.linkId())
                .mapTo(String.class)
                .list());
  }

  private static List<String> auditActions(DownloadFixtures.Link link) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT DISTINCT action FROM audit_events WHERE link_id = ?")
                .bind(0, link.linkId())
                .mapTo(String.class)
                .list());
  }

  private static void await(String what, Supplier<Boolean> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (Boolean.TRUE.equals(condition.get())) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Timed out waiting for " + what);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
