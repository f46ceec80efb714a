package uk.gov.courier.claims;

import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.errors.CourierException;

/** What people read about claims: searching them, one claim with its sends, and what is waiting. */
public final class ClaimService {

  private final Jdbi jdbi;

  public ClaimService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One page of matching claims by reference, with the filter options. */
  public ClaimPage search(ClaimSearch search) {
    if (search.status() != null && !ClaimStatuses.ALL.contains(search.status())) {
      throw CourierException.invalid("status", "Choose a status from the list");
    }
    String pattern = search.query() == null ? null : likePattern(search.query());
    return jdbi.withHandle(
        handle -> {
          ClaimQueryDao claims = handle.attach(ClaimQueryDao.class);
          long total =
              claims.count(
                  search.query(),
                  pattern,
                  search.status(),
                  search.claimWindowId(),
                  search.providerId());
          return new ClaimPage(
              search,
              claims.search(
                  search.query(),
                  pattern,
                  search.status(),
                  search.claimWindowId(),
                  search.providerId(),
                  ClaimSearch.PAGE_SIZE,
                  search.offset()),
              total,
              handle.attach(ClaimWindowDao.class).all(),
              claims.providers(),
              ClaimStatuses.ALL);
        });
  }

  /** The claim with this reference and its sends; NOT_FOUND when there is none. */
  public ClaimDetail claim(String reference) {
    if (reference == null || !reference.matches("[0-9]{8}")) {
      throw notFound();
    }
    return jdbi.withExtension(
        ClaimQueryDao.class,
        claims ->
            new ClaimDetail(
                claims.find(reference).orElseThrow(ClaimService::notFound),
                claims.sends(reference)));
  }

  /** Claims that a new payments send (per window) or clawbacks send would take now. */
  public WaitingClaims waiting() {
    return jdbi.withHandle(
        handle -> {
          ClaimQueryDao claims = handle.attach(ClaimQueryDao.class);
          return new WaitingClaims(
              handle.attach(ClaimWindowDao.class).all().stream()
                  .map(w -> new WaitingClaims.Window(w, claims.paymentsWaiting(w.id())))
                  .toList(),
              claims.clawbacksWaiting());
        });
  }

  /**
   * {@code text} for LIKE ... ESCAPE '!', with its wildcards taken literally. (Not a backslash:
   * JDBI reads {@code '\\'} as an unfinished string and would miss the parameters after it.)
   */
  static String likePattern(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static CourierException notFound() {
    return CourierException.notFound("There is no claim with that reference");
  }
}
