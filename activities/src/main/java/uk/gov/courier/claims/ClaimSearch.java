package uk.gov.courier.claims;

/**
 * Which claims to list: {@code query} matches the start of a claim reference, a school URN exactly,
 * or part of a school name (any case); the filters match exactly. Null or blank matches everything.
 * {@code page} counts from 1.
 */
public record ClaimSearch(
    String query, String status, Long claimWindowId, Long providerId, int page) {

  public static final int PAGE_SIZE = 50;

  public ClaimSearch {
    query = query == null || query.isBlank() ? null : query.strip();
    status = status == null || status.isBlank() ? null : status.strip();
    page = Math.max(page, 1);
  }

  public int offset() {
    return (page - 1) * PAGE_SIZE;
  }
}
