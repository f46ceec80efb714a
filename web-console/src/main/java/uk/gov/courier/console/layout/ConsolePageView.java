package uk.gov.courier.console.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.errors.CourierException;

/**
 * A page for a signed-in person: the service navigation for their role, who they are, a sign-out
 * button, and room for a success banner or an error summary whose entries link to their fields.
 */
public abstract class ConsolePageView extends PageView {

  private final ConsoleUser user;
  private final ConsoleSettings settings;
  private final Section section;
  private final List<ErrorItem> errors = new ArrayList<>();
  private final Map<String, String> fieldErrors = new LinkedHashMap<>();
  private Banner banner;

  protected ConsolePageView(
      String template, String title, ConsoleUser user, ConsoleSettings settings, Section section) {
    super(template, title);
    this.user = user;
    this.settings = settings;
    this.section = section;
  }

  /** "Error: " first when the page shows errors, as GOV.UK pages do. */
  @Override
  public String getTitle() {
    return (errors.isEmpty() ? "" : "Error: ") + super.getTitle();
  }

  public ConsoleUser getUser() {
    return user;
  }

  public String getRoleName() {
    return user.role().dbValue();
  }

  public String getCsrfToken() {
    return user.csrfToken();
  }

  public boolean isSupport() {
    return user.isSupport();
  }

  public boolean isAdmin() {
    return user.isAdmin();
  }

  public String getOutboxUrl() {
    return settings.outboxUrl();
  }

  protected ConsoleSettings settings() {
    return settings;
  }

  public List<NavItem> getNavigation() {
    List<NavItem> items = new ArrayList<>();
    items.add(new NavItem("Dashboard", "/dashboard", section == Section.DASHBOARD));
    if (user.isSupport()) {
      items.add(new NavItem("Start a send", "/sends/new", section == Section.START_SEND));
    }
    items.add(new NavItem("Claims", "/claims", section == Section.CLAIMS));
    items.add(new NavItem("Audit", "/audit/sends", section == Section.AUDIT));
    if (user.isAdmin()) {
      items.add(new NavItem("Users", "/admin/users", section == Section.USERS));
    }
    return items;
  }

  public Banner getBanner() {
    return banner;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<ErrorItem> getErrors() {
    return errors;
  }

  /** Field name → its error message, for the fields' own error messages. */
  public Map<String, String> getFieldErrors() {
    return fieldErrors;
  }

  public void setBanner(Banner banner) {
    this.banner = banner;
  }

  /** An error about one field, whose input has the id {@code field}. */
  public void addFieldError(String field, String message) {
    errors.add(new ErrorItem("#" + field, message));
    fieldErrors.put(field, message);
  }

  /** An error about the page as a whole. */
  public void addError(String message) {
    errors.add(new ErrorItem(null, message));
  }

  /**
   * Shows a refusal: its field errors against their fields (each field's id is its form name), or
   * else its message.
   */
  public void addErrors(CourierException refusal) {
    if (refusal.fieldErrors().isEmpty()) {
      addError(refusal.getMessage());
    } else {
      refusal.fieldErrors().forEach(this::addFieldError);
    }
  }
}
