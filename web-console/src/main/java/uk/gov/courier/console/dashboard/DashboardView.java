package uk.gov.courier.console.dashboard;

import java.util.ArrayList;
import java.util.List;
import uk.gov.courier.claims.WaitingClaims;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.sends.SendSummaryRow;
import uk.gov.courier.console.sends.SendTable;
import uk.gov.courier.send.Dashboard;

/**
 * {@code dashboard.mustache}: sends awaiting confirmation (who started them and when), sends in
 * progress, recent sends, and the claims waiting to be sent per kind.
 */
public final class DashboardView extends ConsolePageView {

  private final Dashboard dashboard;

  public DashboardView(Dashboard dashboard, ConsoleUser user, ConsoleSettings settings) {
    super("dashboard.mustache", "Dashboard", user, settings, Section.DASHBOARD);
    this.dashboard = dashboard;
  }

  public List<SendSummaryRow> getAwaiting() {
    return dashboard.awaitingConfirmation().stream().map(SendSummaryRow::of).toList();
  }

  public List<SendSummaryRow> getInProgress() {
    return dashboard.inProgress().stream().map(SendSummaryRow::of).toList();
  }

  public List<SendSummaryRow> getRecent() {
    return dashboard.recent().stream().map(SendSummaryRow::of).toList();
  }

  public SendTable getInProgressTable() {
    return new SendTable("Sends in progress", getInProgress());
  }

  public SendTable getRecentTable() {
    return new SendTable("Recently finished sends", getRecent());
  }

  public boolean hasAwaiting() {
    return !dashboard.awaitingConfirmation().isEmpty();
  }

  public boolean hasInProgress() {
    return !dashboard.inProgress().isEmpty();
  }

  public boolean hasRecent() {
    return !dashboard.recent().isEmpty();
  }

  /** One row per claim window with submitted claims waiting, then clawbacks. */
  public List<Waiting> getWaiting() {
    WaitingClaims waiting = dashboard.waiting();
    List<Waiting> rows =
        new ArrayList<>(
            waiting.payments().stream()
                .map(
                    w ->
                        new Waiting(
                            "waiting-payments-" + w.window().id(),
                            "Payments: " + w.window().name(),
                            Formats.plural(w.claims(), "submitted claim", "submitted claims")))
                .toList());
    rows.add(
        new Waiting(
            "waiting-clawbacks",
            "Clawbacks",
            Formats.plural(waiting.clawbacks(), "claim", "claims") + " with a clawback requested"));
    return rows;
  }

  /** Claims waiting to be sent, for one kind (and window). */
  public record Waiting(String id, String label, String claims) {}
}
