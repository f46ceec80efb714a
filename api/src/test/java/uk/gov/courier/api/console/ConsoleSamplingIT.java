package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.AUDITOR;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.notify.OutboxMessage;

/**
 * Provider sampling in the console, through real PostgreSQL, Azurite, the Notify-compatible server
 * and Temporal: a sample with errors shows each row's problem, a file with the wrong headings says
 * which are missing and which were found, a corrected sample shows its preview, and confirming it
 * and then its sampling send emails every provider address a link to that provider's file. The
 * multipart upload form is refused without its anti-forgery token; auditors see but cannot act.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleSamplingIT {

  private static final Pattern UPLOAD = Pattern.compile("^/samples/([0-9a-f-]{36})$");
  private static final Pattern SEND = Pattern.compile("^/sends/([0-9a-f-]{36})/confirm");

  private static final ConsoleApp CONSOLE = new ConsoleApp();

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void aSampleWithErrorsShowsEveryRowsProblemAndNothingChanges() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    Map<String, Long> sample = paidClaims(2, 2);
    String notPaid = firstClaim("status = 'submitted'");
    List<String> lines = new ArrayList<>();
    lines.add("claim_reference,sample_reason");
    sample.keySet().forEach(reference -> lines.add(reference + ",Random"));
    lines.add("99999999,Random");
    lines.add(notPaid + ",Random");
    lines.add(sample.keySet().iterator().next() + ",Duplicate");
    long paidBefore = CONSOLE.queryLong("SELECT count(*) FROM claims WHERE status = 'paid'");
    long samplingSends = CONSOLE.queryLong("SELECT count(*) FROM sends WHERE kind = 'sampling'");

    ConsoleBrowser.Page page = upload(support, "/samples/new", "sample.csv", csv(lines));

    assertThat(page.status()).as(page.body()).isEqualTo(422);
    assertThat(page.body())
        .contains("<title>Error: ")
        .contains("<a href=\"#file\">The selected file has 3 errors")
        .contains("govuk-file-upload--error")
        .contains("id=\"row-errors\"")
        .contains("There is no claim 99999999")
        .contains(notPaid)
        .contains("only paid claims can be sampled")
        .contains("is also on row 2: list each claim once")
        .contains("<td class=\"govuk-table__cell\">" + (sample.size() + 2) + "</td>")
        .contains("<td class=\"govuk-table__cell\">" + (sample.size() + 3) + "</td>")
        .contains("<td class=\"govuk-table__cell\">" + (sample.size() + 4) + "</td>")
        .contains("enctype=\"multipart/form-data\"")
        .contains("Upload a corrected file");
    assertThat(count(page.body(), "<h1")).isEqualTo(1);
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM claims WHERE status = 'paid'"))
        .isEqualTo(paidBefore);
    assertThat(CONSOLE.queryLong("SELECT count(*) FROM sends WHERE kind = 'sampling'"))
        .isEqualTo(samplingSends);
  }

  @Test
  void aFileWithTheWrongHeadingsSaysWhichAreMissingAndWhichWereFound() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);

    ConsoleBrowser.Page page =
        upload(support, "/samples/new", "wrong.csv", csv(List.of("reference,reason", "1,x")));

    assertThat(page.status()).isEqualTo(422);
    assertThat(page.body())
        .contains("missing the column headings claim_reference and sample_reason")
        .contains("its first row has reference, reason")
        .contains("<a href=\"#file\">")
        .contains("id=\"file-error\"");

    ConsoleBrowser.Page empty = upload(support, "/samples/new", "empty.csv", new byte[0]);
    assertThat(empty.status()).isIn(400, 422);
    assertThat(empty.body()).contains("<a href=\"#file\">");

    byte[] huge = new byte[2 * 1024 * 1024 + 200 * 1024];
    Arrays.fill(huge, (byte) 'a');
    ConsoleBrowser.Page tooBig = upload(support, "/samples/new", "huge.csv", huge);
    assertThat(tooBig.status()).isEqualTo(422);
    assertThat(tooBig.body())
        .contains("<a href=\"#file\">The selected file must be no larger than");

    ConsoleBrowser.Page noFile = upload(support, "/samples/new", "", new byte[0]);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.body()).contains("<a href=\"#file\">Select a CSV file");
  }

  @Test
  void aCorrectedSampleIsPreviewedConfirmedAndSentToEveryProviderAddress() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);
    Map<String, Long> sample = paidClaims(3, 2);
    Set<Long> providers = Set.copyOf(sample.values());
    List<String> lines = new ArrayList<>();
    lines.add("claim_reference,sample_reason");
    sample.keySet().forEach(reference -> lines.add(reference + ",<b>Random</b>"));

    assertThat(support.get("/sends/new").body()).contains("href=\"/samples/new\"");
    ConsoleBrowser.Page form = support.get("/samples/new");
    assertThat(form.body())
        .contains("class=\"govuk-file-upload\"")
        .contains("claim_reference and sample_reason")
        .contains("2.0 MB");

    ConsoleBrowser.Page uploaded = upload(support, "/samples/new", "sample.csv", csv(lines));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(303);
    Matcher upload = UPLOAD.matcher(uploaded.location());
    assertThat(upload.find()).as(uploaded.location()).isTrue();

    ConsoleBrowser.Page preview = support.get(uploaded.location());
    assertThat(preview.body())
        .contains("<h1 class=\"govuk-heading-l\">Check the sample</h1>")
        .contains("id=\"provider-count\">" + providers.size() + "</dd>")
        .contains("id=\"claim-count\">" + sample.size() + "</dd>")
        .contains("Nothing changes until you confirm")
        .contains("id=\"confirm-upload\"");
    for (long provider : providers) {
      assertThat(preview.body()).contains(escape(providerName(provider)));
    }

    ConsoleBrowser.Page auditorsView = auditor.get(uploaded.location());
    assertThat(auditorsView.status()).isEqualTo(200);
    assertThat(auditorsView.body()).doesNotContain("id=\"confirm-upload\"").contains("read-only");
    assertThat(
            auditor
                .post(uploaded.location() + "/confirm", "csrf_token", auditorsView.csrfToken())
                .status())
        .isEqualTo(403);
    assertThat(auditor.open("/samples/new").status()).isEqualTo(403);
    ConsoleBrowser.Page auditorUpload = upload(auditor, "/dashboard", "sample.csv", csv(lines));
    assertThat(auditorUpload.status()).isEqualTo(403);

    ConsoleBrowser.Page started =
        support.post(uploaded.location() + "/confirm", "csrf_token", preview.csrfToken());
    assertThat(started.status()).as(started.body()).isEqualTo(303);
    Matcher send = SEND.matcher(started.location());
    assertThat(send.find()).as(started.location()).isTrue();
    String sendId = send.group(1);

    ConsoleBrowser.Page check = support.get(started.location());
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertThat(check.body())
        .contains("Check your answers before sending")
        .contains("id=\"providers\"")
        .contains("<th scope=\"col\" class=\"govuk-table__header\">mentor_first_name</th>")
        .contains("&lt;b&gt;Random&lt;/b&gt;")
        .doesNotContain("<b>Random</b>")
        .doesNotContain("mentor_trn")
        .contains(providers.size() + " providers")
        .contains("id=\"confirm-send\"");
    assertThat(count(check.body(), "<h1")).isEqualTo(1);

    ConsoleBrowser.Page confirmed =
        support.post("/sends/" + sendId + "/confirm", "csrf_token", check.csrfToken());
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(303);

    awaitProviderSends(sendId, providers.size());
    ConsoleBrowser.Page parent = support.get("/sends/" + sendId);
    assertThat(parent.body())
        .contains("id=\"provider-sends-table\"")
        .doesNotContain("id=\"revoke-links\"")
        .doesNotContain("id=\"links-table\"");
    assertThat(count(parent.body(), "Links sent")).isGreaterThanOrEqualTo(providers.size());

    List<OutboxMessage> outbox = CONSOLE.notify.outbox();
    for (long provider : providers) {
      String child =
          CONSOLE
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT id::text FROM sends WHERE parent_send_id = ? AND provider_id = ?")
                          .bind(0, UUID.fromString(sendId))
                          .bind(1, provider)
                          .mapTo(String.class)
                          .one());
      assertThat(parent.body()).contains("href=\"/sends/" + child + "\"");
      List<String> addresses =
          CONSOLE
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT lower(email_address) FROM provider_email_addresses WHERE"
                                  + " provider_id = ?")
                          .bind(0, provider)
                          .mapTo(String.class)
                          .list());
      Set<String> linkIds =
          Set.copyOf(
              CONSOLE
                  .jdbi()
                  .withHandle(
                      h ->
                          h.createQuery("SELECT id::text FROM links WHERE send_id = ?")
                              .bind(0, UUID.fromString(child))
                              .mapTo(String.class)
                              .list()));
      List<String> emailed =
          outbox.stream()
              .filter(m -> linkIds.contains(m.reference()))
              .map(m -> m.emailAddress().toLowerCase())
              .sorted()
              .toList();
      assertThat(emailed).isEqualTo(addresses.stream().sorted().toList());

      ConsoleBrowser.Page providerPage = support.get("/sends/" + child);
      assertThat(providerPage.body())
          .contains("id=\"sampling-parent-link\"")
          .contains("href=\"/sends/" + sendId + "\"")
          .contains("id=\"links-table\"")
          .contains("id=\"revoke-links\"")
          .contains(">Resend<");
      ConsoleBrowser.Page auditorsProviderPage = auditor.get("/sends/" + child);
      assertThat(auditorsProviderPage.body())
          .doesNotContain("id=\"revoke-links\"")
          .doesNotContain(">Resend<");
    }
    assertThat(
            CONSOLE.queryLong(
                "SELECT count(*) FROM claims WHERE status = 'sampling_in_progress'"
                    + " AND reference = ANY(?)",
                (Object) sample.keySet().toArray(String[]::new)))
        .isEqualTo(sample.size());
  }

  @Test
  void theUploadFormIsRefusedWithoutItsAntiForgeryToken() throws Exception {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    long uploads = CONSOLE.queryLong("SELECT count(*) FROM sample_uploads");
    byte[] file =
        csv(List.of("claim_reference,sample_reason", firstClaim("status = 'paid'") + ",x"));

    ConsoleBrowser.Page missing = multipart(support, null, "sample.csv", file);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.body()).contains("security token");

    ConsoleBrowser.Page wrong = multipart(support, "not-the-token", "sample.csv", file);
    assertThat(wrong.status()).isEqualTo(403);

    assertThat(CONSOLE.queryLong("SELECT count(*) FROM sample_uploads")).isEqualTo(uploads);
  }

  /** Uploads a file with the token of the page at {@code formPage}. */
  private static ConsoleBrowser.Page upload(
      ConsoleBrowser browser, String formPage, String filename, byte[] content) throws Exception {
    return multipart(browser, browser.get(formPage).csrfToken(), filename, content);
  }

  /** POST /samples as a browser sends the upload form: the token first, then the file. */
  static ConsoleBrowser.Page multipart(
      ConsoleBrowser browser, String token, String filename, byte[] content) throws Exception {
    String boundary = "----courier" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (token != null) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
                  + token
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename
                + "\"\r\nContent-Type: "
                + (filename.isEmpty() ? "application/octet-stream" : "text/csv")
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String session =
        browser.cookie("courier_session") != null
            ? "courier_session=" + browser.cookie("courier_session")
            : "__Host-courier_session=" + browser.cookie("__Host-courier_session");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/samples"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Cookie", session)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ConsoleBrowser.Page(response);
  }

  static byte[] csv(List<String> lines) {
    return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The first {@code perProvider} paid claims of the first {@code providers} providers that have an
   * email address and paid claims no open send holds: reference → provider.
   */
  static Map<String, Long> paidClaims(int providers, int perProvider) {
    Map<String, Long> picks = new LinkedHashMap<>();
    CONSOLE
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        """
                        SELECT reference, provider_id FROM (
                          SELECT c.reference, c.provider_id,
                                 row_number() OVER (PARTITION BY c.provider_id
                                                    ORDER BY c.reference) AS n,
                                 dense_rank() OVER (ORDER BY c.provider_id) AS p
                          FROM claims c
                          WHERE c.status = 'paid'
                            AND c.provider_id IN (SELECT provider_id FROM provider_email_addresses)
                            AND NOT EXISTS (SELECT 1 FROM send_claims sc
                                            WHERE sc.claim_id = c.id AND sc.is_open)) paid
                        WHERE n <= :perProvider AND p <= :providers
                        ORDER BY reference
                        """)
                    .bind("perProvider", perProvider)
                    .bind("providers", providers)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> picks.put(entry.getKey(), entry.getValue())));
    assertThat(Set.copyOf(picks.values())).hasSize(providers);
    return picks;
  }

  static String firstClaim(String where) {
    return CONSOLE
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT reference FROM claims WHERE "
                            + where
                            + " ORDER BY reference LIMIT 1")
                    .mapTo(String.class)
                    .one());
  }

  static String providerName(long provider) {
    return CONSOLE
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT name FROM providers WHERE id = ?")
                    .bind(0, provider)
                    .mapTo(String.class)
                    .one());
  }

  private static void awaitProviderSends(String sendId, int providers) throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline)) {
      long live =
          CONSOLE.queryLong(
              "SELECT count(*) FROM sends WHERE parent_send_id = ? AND state = 'links_live'",
              UUID.fromString(sendId));
      if (live == providers) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "Provider sends did not all reach links_live: "
            + CONSOLE
                .jdbi()
                .withHandle(
                    h ->
                        h
                            .createQuery(
                                "SELECT state || ' ' || coalesce(failure_message, '') FROM sends"
                                    + " WHERE parent_send_id = ?")
                            .bind(0, UUID.fromString(sendId))
                            .mapTo(String.class)
                            .list()
                            .stream()
                            .collect(Collectors.joining("; "))));
  }

  /** As the console's templates escape text. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("=", "&#61;")
        .replace("`", "&#96;");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
