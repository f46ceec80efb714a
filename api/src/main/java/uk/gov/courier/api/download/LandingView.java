package uk.gov.courier.api.download;

import java.text.NumberFormat;
import java.util.Locale;
import uk.gov.courier.console.layout.PageView;
import uk.gov.courier.download.DownloadOutcome;
import uk.gov.courier.download.FileDetails;
import uk.gov.courier.download.FormProblem;
import uk.gov.courier.email.GovUkDates;

/**
 * The page an emailed link opens: what the file is, who it is for and from, until when the link
 * works, and the form that asks for the address the link was sent to. The form posts back to the
 * page's own address, so the token never appears in the page.
 */
public final class LandingView extends PageView {

  private final FileDetails file;
  private final String formToken;
  private final String errorMessage;
  private final Integer attemptsLeft;
  private final String typedAddress;
  private final String supportEmailAddress;

  LandingView(DownloadOutcome.Landing landing, String typedAddress, String supportEmailAddress) {
    super(
        "download/landing.mustache",
        (landing.problem() == null ? "" : "Error: ") + "Download " + lowerFirst(landing));
    this.file = landing.file();
    this.formToken = landing.formToken();
    this.errorMessage = landing.problem() == null ? null : landing.problem().message();
    this.attemptsLeft = landing.attemptsLeft();
    // Echoed only after the form token passed, so a cross-site post cannot make the page reflect
    // what it chose.
    this.typedAddress =
        landing.problem() == null || landing.problem() == FormProblem.FORM_EXPIRED
            ? null
            : typedAddress;
    this.supportEmailAddress = supportEmailAddress;
  }

  private static String lowerFirst(DownloadOutcome.Landing landing) {
    String description = landing.file().description();
    return Character.toLowerCase(description.charAt(0)) + description.substring(1);
  }

  public String getDescription() {
    return file.description();
  }

  public String getKind() {
    return switch (file.kind()) {
      case PAYMENTS -> "Claims to pay";
      case CLAWBACKS -> "Claims with money to recover (clawbacks)";
      case SAMPLING -> "Claims selected for quality assurance";
    };
  }

  public String getClaimWindow() {
    return file.claimWindowName();
  }

  public String getRows() {
    long rows = file.rowCount();
    return NumberFormat.getIntegerInstance(Locale.UK).format(rows) + (rows == 1 ? " row" : " rows");
  }

  public String getSize() {
    return size(file.byteCount());
  }

  public String getFilename() {
    return file.filename();
  }

  public String getSha256() {
    return file.sha256();
  }

  public String getRecipientName() {
    return file.recipientName();
  }

  public String getSentOn() {
    return GovUkDates.timeOnDate(file.sentAt());
  }

  public String getExpiresAt() {
    return GovUkDates.timeOnDate(file.expiresAt());
  }

  public String getFormToken() {
    return formToken;
  }

  /** Null when the form has no problem, so the template's error sections disappear. */
  public String getErrorMessage() {
    return errorMessage;
  }

  /** After a wrong address: "You can try 4 more times", or null. */
  public String getAttemptsLeft() {
    if (attemptsLeft == null) {
      return null;
    }
    return attemptsLeft == 1
        ? "You can try 1 more time before you have to wait."
        : "You can try " + attemptsLeft + " more times before you have to wait.";
  }

  public String getTypedAddress() {
    return typedAddress;
  }

  public String getSupportEmailAddress() {
    return supportEmailAddress;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return String.format(Locale.UK, kb < 10 ? "%.1f KB" : "%.0f KB", kb);
    }
    double mb = kb / 1024.0;
    return String.format(Locale.UK, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
  }
}
