package uk.gov.courier.console.sends;

import java.util.List;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;
import uk.gov.courier.sampling.SamplingView;
import uk.gov.courier.send.SendCheck;
import uk.gov.courier.send.SendView;
import uk.gov.courier.workflows.send.SendState;

/**
 * {@code confirm-send.mustache}, "Check your answers": what the send holds, who gets it, the first
 * rows exactly as the CSV will hold them, what confirming does, a warning that it cannot be undone,
 * and Confirm and Cancel for support staff. With the second-person rule on, the person who started
 * the send is told someone else must confirm it, and gets no Confirm button.
 */
public final class ConfirmSendView extends ConsolePageView {

  private final SendCheck check;
  private SamplingView sampling;

  public ConfirmSendView(SendCheck check, ConsoleUser user, ConsoleSettings settings) {
    super("confirm-send.mustache", "Check your answers", user, settings, Section.DASHBOARD);
    this.check = check;
  }

  /** For a sampling send: its providers, with their claims and addresses. */
  public ConfirmSendView withSampling(SamplingView sampling) {
    this.sampling = sampling;
    return this;
  }

  public boolean isSampling() {
    return sampling != null;
  }

  public boolean isNotSampling() {
    return sampling == null;
  }

  public String getSampleFilename() {
    return sampling == null ? null : sampling.filename();
  }

  public String getProvidersPhrase() {
    return sampling == null
        ? ""
        : Formats.plural(sampling.providers().size(), "provider", "providers");
  }

  public String getMentorTrainings() {
    return sampling == null ? "" : Formats.count(sampling.mentorTrainingCount());
  }

  public boolean hasProvidersWithoutAddress() {
    return sampling != null && sampling.providersWithoutAddress() > 0;
  }

  public String getProvidersWithoutAddressPhrase() {
    return sampling == null
        ? ""
        : Formats.plural(sampling.providersWithoutAddress(), "provider has", "providers have");
  }

  public List<ProviderRow> getProviders() {
    if (sampling == null) {
      return List.of();
    }
    return sampling.providers().stream()
        .map(
            p ->
                new ProviderRow(
                    p.providerName(),
                    Formats.count(p.claimCount()),
                    Formats.count(p.mentorTrainingCount()),
                    p.sendId() == null ? p.providerAddresses() : p.recipients(),
                    p.noAddress()))
        .toList();
  }

  /** One provider on the sampling send's confirmation screen. */
  public record ProviderRow(
      String name,
      String claims,
      String mentorTrainings,
      List<String> addresses,
      boolean noAddress) {}

  private SendView send() {
    return check.send();
  }

  public String getId() {
    return send().id().toString();
  }

  public String getSendHref() {
    return "/sends/" + send().id();
  }

  public String getName() {
    if (sampling != null) {
      return "Provider sampling: " + sampling.filename();
    }
    return Formats.kind(send().kind())
        + ": "
        + (send().claimWindowName() == null ? "all claim windows" : send().claimWindowName());
  }

  public String getClaims() {
    return Formats.count(send().claimCount());
  }

  public String getClaimsPhrase() {
    return Formats.plural(send().claimCount(), "claim", "claims");
  }

  public List<String> getRecipients() {
    return send().recipients();
  }

  public String getRecipientsPhrase() {
    return Formats.plural(send().recipients().size(), "address", "addresses");
  }

  public String getPayerName() {
    return settings().payerName();
  }

  public String getStartedBy() {
    return send().createdBy();
  }

  public String getStartedAt() {
    return Formats.dateTime(send().createdAt());
  }

  public Tag getStatus() {
    return Tags.send(send().state());
  }

  public String getLinkLifetime() {
    return Formats.duration(check.linkLifetime());
  }

  public String getStatusNow() {
    return Formats.words(check.claimStatusNow());
  }

  public String getStatusAfter() {
    return Formats.words(check.claimStatusAfter());
  }

  public List<String> getHeaders() {
    return check.preview().headers();
  }

  public List<PreviewRow> getRows() {
    return check.preview().rows().stream().map(PreviewRow::new).toList();
  }

  /** One row of the preview: its cells in column order. */
  public record PreviewRow(List<String> cells) {}

  public String getPreviewPhrase() {
    int shown = check.preview().rows().size();
    if (sampling != null) {
      return shown == sampling.mentorTrainingCount()
          ? "These are all " + Formats.plural(shown, "row", "rows") + " of the providers’ files"
          : "These are the first "
              + shown
              + " of "
              + Formats.count(sampling.mentorTrainingCount())
              + " rows of the providers’ files (one row per mentor training)";
    }
    return shown == send().claimCount()
        ? "These are all " + Formats.plural(shown, "row", "rows") + " of the file"
        : "These are the first " + shown + " of " + Formats.count(send().claimCount()) + " rows";
  }

  public String getCsvText() {
    return check.preview().csvText();
  }

  public boolean isAwaiting() {
    return SendState.AWAITING_CONFIRMATION.code().equals(send().state());
  }

  /** The signed-in person started this send and the second-person rule is on. */
  public boolean isSomeoneElseMustConfirm() {
    return check.requireSecondPerson() && send().createdBy().equalsIgnoreCase(getUser().email());
  }

  public boolean isCanConfirm() {
    return isAwaiting() && isSupport() && !isSomeoneElseMustConfirm();
  }

  public boolean isCanCancel() {
    return isAwaiting() && isSupport();
  }

  public boolean isReadOnly() {
    return isAwaiting() && !isSupport();
  }
}
