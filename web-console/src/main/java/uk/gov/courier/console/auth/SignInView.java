package uk.gov.courier.console.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.courier.console.layout.Banner;
import uk.gov.courier.console.layout.ErrorItem;
import uk.gov.courier.console.layout.PageView;

/** {@code sign-in.mustache}: email address and password, with an error summary when wrong. */
public final class SignInView extends PageView {

  private final String csrfToken;
  private final String next;
  private final String email;
  private final String lockoutAdvice;
  private final List<ErrorItem> errors = new ArrayList<>();
  private final Map<String, String> fieldErrors = new LinkedHashMap<>();
  private Banner banner;

  public SignInView(String csrfToken, String next, String email, String lockoutAdvice) {
    super("sign-in.mustache", "Sign in");
    this.csrfToken = csrfToken;
    this.next = next;
    this.email = email;
    this.lockoutAdvice = lockoutAdvice;
  }

  @Override
  public String getTitle() {
    return (errors.isEmpty() ? "" : "Error: ") + super.getTitle();
  }

  public String getCsrfToken() {
    return csrfToken;
  }

  public String getNext() {
    return next;
  }

  public String getEmail() {
    return email;
  }

  public String getLockoutAdvice() {
    return lockoutAdvice;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public List<ErrorItem> getErrors() {
    return errors;
  }

  public Map<String, String> getFieldErrors() {
    return fieldErrors;
  }

  public Banner getBanner() {
    return banner;
  }

  public SignInView banner(Banner value) {
    this.banner = value;
    return this;
  }

  public SignInView fieldError(String field, String message) {
    errors.add(new ErrorItem("#" + field, message));
    fieldErrors.put(field, message);
    return this;
  }

  /** Wrong details: one message for every cause, linked to the first field. */
  public SignInView refused() {
    errors.add(new ErrorItem("#email", SignInResource.REFUSED));
    fieldErrors.put("email", SignInResource.REFUSED);
    return this;
  }
}
