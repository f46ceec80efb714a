package uk.gov.courier.download;

/** What was wrong with the landing page's form; the page shows it against the address field. */
public enum FormProblem {
  ADDRESS_MISSING("Enter the email address this link was sent to"),
  ADDRESS_INVALID("Enter an email address in the correct format, like name@example.com"),
  WRONG_ADDRESS("The email address does not match the one this link was sent to"),
  /** The form token was missing, wrong or too old (CSRF check), or the post came cross-site. */
  FORM_EXPIRED(
      "This page had expired, so the file was not downloaded. Enter your email address" + " again");

  private final String message;

  FormProblem(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
