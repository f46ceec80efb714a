package uk.gov.courier.console.claims;

import java.util.List;
import uk.gov.courier.claims.ClaimDetail;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;

/**
 * {@code claim.mustache}: one claim, its school, provider and window, and the sends that held it.
 */
public final class ClaimView extends ConsolePageView {

  private final ClaimDetail detail;

  public ClaimView(ClaimDetail detail, ConsoleUser user, ConsoleSettings settings) {
    super("claim.mustache", "Claim " + detail.claim().reference(), user, settings, Section.CLAIMS);
    this.detail = detail;
  }

  public ClaimDetail.Claim getClaim() {
    return detail.claim();
  }

  public Tag getStatus() {
    return Tags.claim(detail.claim().status());
  }

  public String getAmount() {
    return Formats.money(detail.claim().amountPence());
  }

  public String getClawbackAmount() {
    Long pence = detail.claim().clawbackAmountPence();
    return pence == null ? null : Formats.money(pence);
  }

  public String getSubmittedAt() {
    return detail.claim().submittedAt() == null
        ? "Not submitted"
        : Formats.dateTime(detail.claim().submittedAt());
  }

  public String getMentorTrainings() {
    return Formats.count(detail.claim().mentorTrainings());
  }

  public boolean hasSends() {
    return !detail.sends().isEmpty();
  }

  public List<Send> getSends() {
    return detail.sends().stream()
        .map(
            s ->
                new Send(
                    s.sendId().toString(),
                    "/sends/" + s.sendId(),
                    Formats.kind(s.kind()),
                    Tags.send(s.state()),
                    s.createdBy(),
                    Formats.dateTime(s.createdAt()),
                    s.open() ? "Yes" : "No"))
        .toList();
  }

  /** A send that held the claim. */
  public record Send(
      String id,
      String href,
      String kind,
      Tag status,
      String startedBy,
      String startedAt,
      String holdsClaim) {}
}
