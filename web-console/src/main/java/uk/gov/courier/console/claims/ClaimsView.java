package uk.gov.courier.console.claims;

import jakarta.ws.rs.core.UriBuilder;
import java.util.ArrayList;
import java.util.List;
import uk.gov.courier.claims.ClaimListRow;
import uk.gov.courier.claims.ClaimPage;
import uk.gov.courier.claims.ClaimSearch;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;

/**
 * {@code claims.mustache}: search by claim reference, school name or URN; filter by status, claim
 * window and provider; 50 claims a page with GOV.UK pagination. The search is a GET form, so every
 * result page has its own address.
 */
public final class ClaimsView extends ConsolePageView {

  private final ClaimPage page;

  public ClaimsView(ClaimPage page, ConsoleUser user, ConsoleSettings settings) {
    super("claims.mustache", "Claims", user, settings, Section.CLAIMS);
    this.page = page;
  }

  private ClaimSearch search() {
    return page.search();
  }

  public String getQuery() {
    return search().query() == null ? "" : search().query();
  }

  public List<Option> getStatuses() {
    return page.statuses().stream()
        .map(s -> new Option(s, Formats.words(s), s.equals(search().status())))
        .toList();
  }

  public List<Option> getClaimWindows() {
    return page.claimWindows().stream()
        .map(
            w ->
                new Option(
                    Long.toString(w.id()),
                    w.name(),
                    Long.valueOf(w.id()).equals(search().claimWindowId())))
        .toList();
  }

  public List<Option> getProviders() {
    return page.providers().stream()
        .map(
            p ->
                new Option(
                    Long.toString(p.id()),
                    p.name(),
                    Long.valueOf(p.id()).equals(search().providerId())))
        .toList();
  }

  public String getTotal() {
    return Formats.plural(page.total(), "claim", "claims");
  }

  public String getShowing() {
    if (page.total() == 0) {
      return "";
    }
    int first = search().offset() + 1;
    int last = search().offset() + page.claims().size();
    return "Showing " + Formats.count(first) + " to " + Formats.count(last);
  }

  public boolean hasClaims() {
    return !page.claims().isEmpty();
  }

  public List<Row> getClaims() {
    return page.claims().stream().map(ClaimsView::row).toList();
  }

  public Pagination getPagination() {
    int pages = page.pages();
    int current = Math.min(search().page(), pages);
    if (pages <= 1) {
      return null;
    }
    List<PageLink> links = new ArrayList<>();
    int shownUpTo = 0;
    for (int n = 1; n <= pages; n++) {
      boolean show = n == 1 || n == pages || Math.abs(n - current) <= 1;
      if (!show) {
        continue;
      }
      if (n > shownUpTo + 1) {
        links.add(new PageLink(null, null, false, true));
      }
      links.add(new PageLink(Integer.toString(n), href(n), n == current, false));
      shownUpTo = n;
    }
    return new Pagination(
        current > 1 ? href(current - 1) : null, current < pages ? href(current + 1) : null, links);
  }

  private String href(int pageNumber) {
    UriBuilder uri = UriBuilder.fromPath("/claims");
    if (search().query() != null) {
      uri.queryParam("q", search().query());
    }
    if (search().status() != null) {
      uri.queryParam("status", search().status());
    }
    if (search().claimWindowId() != null) {
      uri.queryParam("claim_window", search().claimWindowId());
    }
    if (search().providerId() != null) {
      uri.queryParam("provider", search().providerId());
    }
    uri.queryParam("page", pageNumber);
    return uri.build().toString();
  }

  private static Row row(ClaimListRow claim) {
    return new Row(
        claim.reference(),
        "/claims/" + claim.reference(),
        claim.schoolName(),
        claim.schoolUrn(),
        claim.providerName(),
        claim.claimWindowName(),
        Formats.money(claim.amountPence()),
        Tags.claim(claim.status()));
  }

  /** A select option. */
  public record Option(String value, String label, boolean selected) {}

  /** A claim in the results table. */
  public record Row(
      String reference,
      String href,
      String schoolName,
      String schoolUrn,
      String providerName,
      String claimWindow,
      String amount,
      Tag status) {}

  /** GOV.UK pagination: previous, numbered pages (with gaps), next. */
  public record Pagination(String previous, String next, List<PageLink> pages) {}

  /** A page number, the current page, or a gap ({@code ellipsis}). */
  public record PageLink(String number, String href, boolean current, boolean ellipsis) {}
}
