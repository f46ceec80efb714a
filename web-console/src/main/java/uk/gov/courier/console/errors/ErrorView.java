package uk.gov.courier.console.errors;

import uk.gov.courier.console.layout.PageView;

/**
 * The family of error pages in GOV.UK style: what happened, what to do next, and the request ID to
 * quote. Never a stack trace.
 */
public final class ErrorView extends PageView {

  private final int status;
  private final String heading;
  private final String message;
  private final String requestId;
  private final String supportEmailAddress;

  private ErrorView(
      int status, String heading, String message, String requestId, String supportEmailAddress) {
    super("error.mustache", heading);
    this.status = status;
    this.heading = heading;
    this.message = message;
    this.requestId = requestId;
    this.supportEmailAddress = supportEmailAddress;
  }

  public static ErrorView forStatus(
      int status, String message, String requestId, String supportEmailAddress) {
    String heading =
        switch (status) {
          case 400 -> "There is a problem with your request";
          case 401 -> "You need to sign in";
          case 403 -> "You do not have permission to do this";
          case 404 -> "Page not found";
          case 409 -> "This cannot be done now";
          case 429 -> "Too many attempts";
          case 503 -> "Sorry, the service is unavailable";
          default ->
              status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
        };
    return new ErrorView(status, heading, message, requestId, supportEmailAddress);
  }

  public int getStatus() {
    return status;
  }

  public String getHeading() {
    return heading;
  }

  public String getMessage() {
    return message;
  }

  public String getRequestId() {
    return requestId;
  }

  public String getSupportEmailAddress() {
    return supportEmailAddress;
  }
}
