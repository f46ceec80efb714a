package uk.gov.courier.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.api.console.ConsoleApp.AUDITOR;
import static uk.gov.courier.api.console.ConsoleApp.SUPPORT;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.courier.api.config.CourierConfiguration;

/**
 * The claims pages: search by reference, school name or URN; filter by status, claim window and
 * provider; 50 a page with pagination that keeps the filters; a claim's page lists its sends.
 * Everything is escaped.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleClaimsIT {

  private static final Pattern REFERENCE = Pattern.compile("data-claim-reference=\"([0-9]{8})\"");

  private static final ConsoleApp CONSOLE = new ConsoleApp();

  static final DropwizardAppExtension<CourierConfiguration> APP = CONSOLE.app;

  @AfterAll
  static void stop() {
    CONSOLE.close();
  }

  @Test
  void theListShowsFiftyClaimsAPageWithStatusTagsAndPagination() {
    ConsoleBrowser auditor = CONSOLE.signedIn(AUDITOR);

    ConsoleBrowser.Page first = auditor.get("/claims");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .contains("<h2 class=\"govuk-heading-m\" id=\"results-count\">5,000 claims</h2>")
        .contains("Showing 1 to 50")
        .contains("<strong class=\"govuk-tag govuk-tag--blue\">Submitted</strong>")
        .contains("&lt;script&gt;alert(")
        .doesNotContain("<script>alert")
        .contains("aria-label=\"Page 100\"")
        .contains("id=\"next-page\"")
        .doesNotContain("id=\"previous-page\"");
    assertThat(references(first)).hasSize(50).startsWith("10000001");

    ConsoleBrowser.Page second = auditor.get("/claims?page=2");
    assertThat(second.body())
        .contains("Showing 51 to 100")
        .contains("aria-current=\"page\">2</a>")
        .contains("id=\"previous-page\"");
    assertThat(references(second)).hasSize(50).doesNotContainAnyElementsOf(references(first));
  }

  @Test
  void searchFindsClaimsByReferenceSchoolNameAndUrn() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);

    assertThat(references(support.get("/claims?q=10000010"))).containsExactly("10000010");
    assertThat(references(support.get("/claims?q=1000001")))
        .as("a reference's start matches")
        .contains("10000010", "10000011", "10000019")
        .hasSize(10);
    long byName =
        CONSOLE.queryLong(
            "SELECT count(*) FROM claims c JOIN schools s ON s.id = c.school_id"
                + " WHERE s.name ILIKE '%<script>%'");
    ConsoleBrowser.Page named = support.get("/claims?q=%3CSCRIPT%3E");
    assertThat(named.body())
        .contains(byName == 1 ? "1 claim<" : String.format("%,d claims<", byName))
        .contains("value=\"&lt;SCRIPT&gt;\"");
    assertThat(references(named)).contains("10000010");
    String urn =
        CONSOLE
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT s.urn FROM claims c JOIN schools s ON s.id = c.school_id"
                                + " WHERE c.reference = '10000010'")
                        .mapTo(String.class)
                        .one());
    assertThat(references(support.get("/claims?q=" + urn))).contains("10000010");
    assertThat(support.get("/claims?q=100%25").body())
        .as("LIKE wildcards are taken literally")
        .contains("id=\"no-claims\"");
  }

  @Test
  void filtersNarrowTheListAndPaginationKeepsThem() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    long paidInWindowOne =
        CONSOLE.queryLong(
            "SELECT count(*) FROM claims WHERE status = 'paid' AND claim_window_id = 1");

    ConsoleBrowser.Page paid = support.get("/claims?status=paid&claim_window=1");

    assertThat(paid.body())
        .contains(String.format("%,d claims", paidInWindowOne))
        .contains("<option value=\"paid\" selected>Paid</option>")
        .doesNotContain("govuk-tag--blue\">Submitted");
    if (paidInWindowOne > 50) {
      assertThat(paid.body())
          .contains("href=\"/claims?status&#61;paid&amp;claim_window&#61;1&amp;page&#61;2\"");
    }
    long providerOne = CONSOLE.queryLong("SELECT count(*) FROM claims WHERE provider_id = 1");
    assertThat(support.get("/claims?provider=1").body())
        .contains(String.format("%,d claim", providerOne));
    assertThat(support.get("/claims?status=lost&page=banana").status())
        .as("unknown filter values are ignored, not a dead end")
        .isEqualTo(200);
  }

  @Test
  void aClaimPageShowsTheClaimAndItsSends() {
    ConsoleBrowser support = CONSOLE.signedIn(SUPPORT);
    ConsoleBrowser.Page before = support.get("/claims/10000020");
    assertThat(before.body())
        .contains("<h1 class=\"govuk-heading-l\">Claim 10000020</h1>")
        .contains(">Clawback requested</strong>")
        .contains("id=\"no-sends\"");

    ConsoleBrowser.Page started =
        support.post(
            "/sends",
            ConsoleBrowser.withToken(support.get("/sends/new").csrfToken(), "kind", "clawbacks"));
    assertThat(started.status()).as(started.body()).isEqualTo(303);

    ConsoleBrowser.Page after = support.get("/claims/10000020");
    assertThat(after.body())
        .contains("id=\"claim-sends\"")
        .contains(">Awaiting confirmation</strong>")
        .contains(">Yes</td>");
    assertThat(support.get("/claims/99999999").status()).isEqualTo(404);
    assertThat(support.get("/claims/not-a-reference").status()).isEqualTo(404);
  }

  private static List<String> references(ConsoleBrowser.Page page) {
    return REFERENCE.matcher(page.body()).results().map(m -> m.group(1)).toList();
  }
}
