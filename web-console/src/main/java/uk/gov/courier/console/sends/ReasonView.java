package uk.gov.courier.console.sends;

import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.send.SendView;

/**
 * {@code reason.mustache}: asks why, before cancelling a send or revoking its links. Both need a
 * reason, which the audit trail keeps.
 */
public final class ReasonView extends ConsolePageView {

  /** What the reason is for. */
  public enum Purpose {
    CANCEL(
        "Cancel this send",
        "cancel",
        "Why are you cancelling this send?",
        "Nothing will be sent. The claims are released, so a new send can include them.",
        "Cancel send",
        "cancel-send-confirm"),
    REVOKE(
        "Revoke every link",
        "revoke",
        "Why are you revoking the links?",
        "Every link that has not been used stops working now. Recipients who have not downloaded"
            + " the file will need a new send.",
        "Revoke links",
        "revoke-links");

    private final String heading;
    private final String path;
    private final String label;
    private final String consequence;
    private final String button;
    private final String buttonId;

    Purpose(
        String heading,
        String path,
        String label,
        String consequence,
        String button,
        String buttonId) {
      this.heading = heading;
      this.path = path;
      this.label = label;
      this.consequence = consequence;
      this.button = button;
      this.buttonId = buttonId;
    }
  }

  private final SendView send;
  private final Purpose purpose;
  private final String reason;

  public ReasonView(
      SendView send, Purpose purpose, String reason, ConsoleUser user, ConsoleSettings settings) {
    super("reason.mustache", purpose.heading, user, settings, Section.DASHBOARD);
    this.send = send;
    this.purpose = purpose;
    this.reason = reason == null ? "" : reason;
  }

  public String getHeading() {
    return purpose.heading;
  }

  public String getName() {
    return Formats.kind(send.kind())
        + ": "
        + (send.claimWindowName() == null ? "all claim windows" : send.claimWindowName());
  }

  public String getAction() {
    return "/sends/" + send.id() + "/" + purpose.path;
  }

  public String getSendHref() {
    return "/sends/" + send.id();
  }

  public String getLabel() {
    return purpose.label;
  }

  public String getConsequence() {
    return purpose.consequence;
  }

  public String getButton() {
    return purpose.button;
  }

  public String getButtonId() {
    return purpose.buttonId;
  }

  public String getReason() {
    return reason;
  }
}
