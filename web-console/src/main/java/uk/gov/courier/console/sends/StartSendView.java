package uk.gov.courier.console.sends;

import java.util.List;
import uk.gov.courier.claims.WaitingClaims;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;

/**
 * {@code start-send.mustache}: payments (choose the claim window) or clawbacks; where there is
 * nothing to send it says so instead of offering the button.
 */
public final class StartSendView extends ConsolePageView {

  private final WaitingClaims waiting;
  private final String chosenWindowId;

  public StartSendView(
      WaitingClaims waiting, String chosenWindowId, ConsoleUser user, ConsoleSettings settings) {
    super("start-send.mustache", "Start a send", user, settings, Section.START_SEND);
    this.waiting = waiting;
    this.chosenWindowId = chosenWindowId;
  }

  public String getPayerName() {
    return settings().payerName();
  }

  /** Windows with submitted claims waiting, as radio options; the first has the field's id. */
  public List<WindowOption> getWindows() {
    List<WaitingClaims.Window> ready =
        waiting.payments().stream().filter(w -> w.claims() > 0).toList();
    return ready.stream()
        .map(
            w ->
                new WindowOption(
                    w == ready.get(0) ? "claim_window_id" : "claim_window_id-" + w.window().id(),
                    Long.toString(w.window().id()),
                    w.window().name(),
                    Formats.plural(w.claims(), "submitted claim", "submitted claims") + " waiting",
                    Long.toString(w.window().id()).equals(chosenWindowId)))
        .toList();
  }

  /** Windows with nothing to send, named so nobody wonders where they went. */
  public List<String> getEmptyWindows() {
    return waiting.payments().stream()
        .filter(w -> w.claims() == 0)
        .map(w -> w.window().name())
        .toList();
  }

  public boolean hasPayments() {
    return waiting.paymentsTotal() > 0;
  }

  public boolean hasEmptyWindows() {
    return !getEmptyWindows().isEmpty();
  }

  public boolean hasClawbacks() {
    return waiting.clawbacks() > 0;
  }

  public String getClawbacks() {
    return Formats.plural(waiting.clawbacks(), "claim", "claims");
  }

  /** A claim window as a radio button. */
  public record WindowOption(String id, String value, String name, String hint, boolean checked) {}
}
