package uk.gov.courier.console.home;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /}: the start page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public final class HomeResource {

  private final HomeView.DevelopmentLinks development;

  public HomeResource(HomeView.DevelopmentLinks development) {
    this.development = development;
  }

  @GET
  public HomeView home() {
    return new HomeView(development);
  }
}
