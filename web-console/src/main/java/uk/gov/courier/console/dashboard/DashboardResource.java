package uk.gov.courier.console.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsolePage;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.send.SendDetailService;

/** {@code GET /dashboard}: where every signed-in person starts. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
public final class DashboardResource {

  private final SendDetailService sends;
  private final ConsoleSettings settings;

  public DashboardResource(SendDetailService sends, ConsoleSettings settings) {
    this.sends = sends;
    this.settings = settings;
  }

  @GET
  public DashboardView dashboard(@Context SecurityContext security) {
    return new DashboardView(sends.dashboard(), ConsoleUser.of(security), settings);
  }
}
