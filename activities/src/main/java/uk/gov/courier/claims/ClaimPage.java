package uk.gov.courier.claims;

import java.util.List;

/**
 * One page of a claim search, with how many claims match in all and what the filters can be set to.
 */
public record ClaimPage(
    ClaimSearch search,
    List<ClaimListRow> claims,
    long total,
    List<ClaimWindow> claimWindows,
    List<ProviderOption> providers,
    List<String> statuses) {

  public ClaimPage {
    claims = List.copyOf(claims);
    claimWindows = List.copyOf(claimWindows);
    providers = List.copyOf(providers);
    statuses = List.copyOf(statuses);
  }

  public int pages() {
    return (int) Math.max(1, (total + ClaimSearch.PAGE_SIZE - 1) / ClaimSearch.PAGE_SIZE);
  }
}
