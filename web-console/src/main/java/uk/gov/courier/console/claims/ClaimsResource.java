package uk.gov.courier.console.claims;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import uk.gov.courier.claims.ClaimSearch;
import uk.gov.courier.claims.ClaimService;
import uk.gov.courier.claims.ClaimStatuses;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsolePage;
import uk.gov.courier.console.auth.ConsoleUser;

/** {@code GET /claims} (search, filter, pages) and {@code GET /claims/{reference}}. */
@Path("/claims")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public final class ClaimsResource {

  private final ClaimService claims;
  private final ConsoleSettings settings;

  public ClaimsResource(ClaimService claims, ConsoleSettings settings) {
    this.claims = claims;
    this.settings = settings;
  }

  /** Unknown filter values are ignored rather than refused: a search page never dead-ends. */
  @GET
  public ClaimsView search(
      @QueryParam("q") String query,
      @QueryParam("status") String status,
      @QueryParam("claim_window") String claimWindow,
      @QueryParam("provider") String provider,
      @QueryParam("page") String page,
      @Context SecurityContext security) {
    ClaimSearch search =
        new ClaimSearch(
            query == null || query.length() > 200 ? null : query,
            status != null && ClaimStatuses.ALL.contains(status) ? status : null,
            number(claimWindow),
            number(provider),
            page == null
                ? 1
                : (int) Math.min(Integer.MAX_VALUE / ClaimSearch.PAGE_SIZE, orOne(page)));
    return new ClaimsView(claims.search(search), ConsoleUser.of(security), settings);
  }

  @GET
  @Path("/{reference}")
  public ClaimView claim(
      @PathParam("reference") String reference, @Context SecurityContext security) {
    return new ClaimView(claims.claim(reference), ConsoleUser.of(security), settings);
  }

  private static Long number(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long orOne(String value) {
    Long n = number(value);
    return n == null || n < 1 ? 1 : n;
  }
}
