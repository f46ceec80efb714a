package uk.gov.courier.console.users;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.Map;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.Allowed;
import uk.gov.courier.console.auth.ConsolePage;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.Banner;
import uk.gov.courier.console.layout.Refusals;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;
import uk.gov.courier.users.NewUser;
import uk.gov.courier.users.Role;
import uk.gov.courier.users.UserService;

/**
 * {@code /admin/users}: admins add users, disable and enable them, reset their passwords and issue
 * API keys. New passwords and keys are shown once, on the page that answers the form.
 */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@ConsolePage
@Allowed(Role.ADMIN)
public final class UsersResource {

  private static final Map<String, Banner> DONE =
      Map.of(
          "disabled",
          new Banner(
              "User disabled",
              "They cannot sign in or use their API key, and they have been signed out.",
              true),
          "enabled",
          new Banner("User enabled", "They can sign in again.", true));

  private final UserService users;
  private final ConsoleSettings settings;

  public UsersResource(UserService users, ConsoleSettings settings) {
    this.users = users;
    this.settings = settings;
  }

  @GET
  public UsersView list(@Context SecurityContext security) {
    return new UsersView(users.list(), ConsoleUser.of(security), settings);
  }

  @GET
  @Path("/new")
  public AddUserView addPage(@Context SecurityContext security) {
    return new AddUserView(null, null, null, ConsoleUser.of(security), settings);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response add(
      @FormParam("email") String email,
      @FormParam("display_name") String displayName,
      @FormParam("role") String role,
      @Context SecurityContext security) {
    ConsoleUser admin = ConsoleUser.of(security);
    try {
      return Response.ok(
              new SecretView(
                  users.add(new NewUser(email, displayName, role), admin.email()),
                  SecretView.Kind.NEW_USER,
                  admin,
                  settings))
          .build();
    } catch (CourierException refusal) {
      AddUserView view = new AddUserView(email, displayName, role, admin, settings);
      view.addErrors(refusal);
      return Response.status(Refusals.status(refusal)).entity(view).build();
    }
  }

  @GET
  @Path("/{id}")
  public UserView user(
      @PathParam("id") long id,
      @QueryParam("done") String done,
      @Context SecurityContext security) {
    UserView view = new UserView(users.get(id), ConsoleUser.of(security), settings);
    view.setBanner(done == null ? null : DONE.get(done));
    return view;
  }

  @POST
  @Path("/{id}/disable")
  public Response disable(@PathParam("id") long id, @Context SecurityContext security) {
    ConsoleUser admin = ConsoleUser.of(security);
    try {
      users.disable(id, admin.id(), admin.email());
      return Response.seeOther(URI.create("/admin/users/" + id + "?done=disabled")).build();
    } catch (CourierException refusal) {
      return refused(refusal, id, admin);
    }
  }

  @POST
  @Path("/{id}/enable")
  public Response enable(@PathParam("id") long id, @Context SecurityContext security) {
    users.enable(id, ConsoleUser.of(security).email());
    return Response.seeOther(URI.create("/admin/users/" + id + "?done=enabled")).build();
  }

  @POST
  @Path("/{id}/reset-password")
  public SecretView resetPassword(@PathParam("id") long id, @Context SecurityContext security) {
    ConsoleUser admin = ConsoleUser.of(security);
    return new SecretView(
        users.resetPassword(id, admin.email()), SecretView.Kind.PASSWORD_RESET, admin, settings);
  }

  @POST
  @Path("/{id}/api-key")
  public SecretView issueApiKey(@PathParam("id") long id, @Context SecurityContext security) {
    ConsoleUser admin = ConsoleUser.of(security);
    return new SecretView(
        users.issueApiKey(id, admin.email()), SecretView.Kind.API_KEY, admin, settings);
  }

  private Response refused(CourierException refusal, long id, ConsoleUser admin) {
    if (refusal.code() == ErrorCode.NOT_FOUND) {
      throw refusal;
    }
    UserView view = new UserView(users.get(id), admin, settings);
    view.addErrors(refusal);
    return Response.status(Refusals.status(refusal)).entity(view).build();
  }
}
