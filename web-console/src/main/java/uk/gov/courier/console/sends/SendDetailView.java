package uk.gov.courier.console.sends;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.console.layout.Tag;
import uk.gov.courier.console.layout.Tags;
import uk.gov.courier.sampling.ProviderSendView;
import uk.gov.courier.sampling.SamplingView;
import uk.gov.courier.send.FileView;
import uk.gov.courier.send.LinkView;
import uk.gov.courier.send.SendDetail;
import uk.gov.courier.send.SendView;
import uk.gov.courier.workflows.send.SendState;

/**
 * {@code send-detail.mustache}: a send's state and timeline; its file (rows, size, SHA-256) with a
 * download of the original for support; each recipient's link with its state and Notify message;
 * and, for support staff, resend, revoke and retry.
 */
public final class SendDetailView extends ConsolePageView {

  private final SendDetail detail;
  private SamplingView sampling;

  public SendDetailView(SendDetail detail, ConsoleUser user, ConsoleSettings settings) {
    super("send-detail.mustache", "Send details", user, settings, Section.DASHBOARD);
    this.detail = detail;
  }

  /**
   * For a sampling send or one provider's send in it: the sampling send with every provider's send.
   */
  public SendDetailView withSampling(SamplingView sampling) {
    this.sampling = sampling;
    return this;
  }

  /** The sampling send itself: its providers' sends, no file or links of its own. */
  public boolean isSamplingParent() {
    return sampling != null && sampling.sendId().equals(send().id());
  }

  /** One provider's send within a sampling send. */
  public boolean isProviderSend() {
    return sampling != null && !isSamplingParent();
  }

  public String getParentHref() {
    return isProviderSend() ? "/sends/" + sampling.sendId() : null;
  }

  public String getSampleFilename() {
    return sampling == null ? null : sampling.filename();
  }

  /** Who the file goes to: the payer, or for a provider's send the provider. */
  public String getRecipientName() {
    if (isProviderSend()) {
      return sampling.providers().stream()
          .filter(p -> send().id().equals(p.sendId()))
          .map(ProviderSendView::providerName)
          .findFirst()
          .orElse("The provider");
    }
    return settings().payerName();
  }

  public List<ProviderSend> getProviderSends() {
    if (!isSamplingParent()) {
      return List.of();
    }
    return sampling.providers().stream().map(ProviderSend::new).toList();
  }

  public String getProvidersPhrase() {
    return sampling == null
        ? ""
        : Formats.plural(sampling.providers().size(), "provider", "providers");
  }

  /** One provider's send in the sampling send's table. */
  public static final class ProviderSend {
    private final ProviderSendView provider;

    ProviderSend(ProviderSendView provider) {
      this.provider = provider;
    }

    public String getName() {
      return provider.providerName();
    }

    public String getHref() {
      return provider.sendId() == null ? null : "/sends/" + provider.sendId();
    }

    public String getSendId() {
      return provider.sendId() == null ? "" : provider.sendId().toString();
    }

    public Tag getStatus() {
      return provider.state() == null
          ? new Tag("Not started", "govuk-tag--grey")
          : Tags.send(provider.state());
    }

    public String getClaims() {
      return Formats.count(provider.claimCount());
    }

    public List<String> getRecipients() {
      return provider.sendId() == null ? provider.providerAddresses() : provider.recipients();
    }

    public boolean isNoAddress() {
      return provider.noAddress();
    }

    public String getLinks() {
      return Formats.plural(provider.linkCount(), "link", "links")
          + ", "
          + Formats.count(provider.emailedLinkCount())
          + " emailed, "
          + Formats.count(provider.usedLinkCount())
          + " used";
    }

    public String getFailureMessage() {
      return provider.failureMessage();
    }
  }

  private SendView send() {
    return detail.send();
  }

  public String getId() {
    return send().id().toString();
  }

  public String getName() {
    if (isSamplingParent()) {
      return "Provider sampling: " + sampling.filename();
    }
    if (isProviderSend()) {
      return "Provider sampling: " + getRecipientName();
    }
    return Formats.kind(send().kind())
        + ": "
        + (send().claimWindowName() == null ? "all claim windows" : send().claimWindowName());
  }

  public Tag getStatus() {
    return Tags.send(send().state());
  }

  public String getClaims() {
    return Formats.count(send().claimCount());
  }

  public List<String> getRecipients() {
    return send().recipients();
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

  public String getConfirmedBy() {
    return send().confirmedBy();
  }

  public String getConfirmedAt() {
    return Formats.dateTime(send().confirmedAt());
  }

  public String getCancelledBy() {
    return send().cancelledBy();
  }

  public String getCancelledAt() {
    return Formats.dateTime(send().cancelledAt());
  }

  public String getCancelReason() {
    return send().cancelReason();
  }

  public String getFinishedAt() {
    return send().completedAt() == null ? null : Formats.dateTime(send().completedAt());
  }

  public boolean isAwaiting() {
    return is(SendState.AWAITING_CONFIRMATION);
  }

  public boolean isInFlight() {
    return is(SendState.AWAITING_CONFIRMATION) || is(SendState.PROCESSING);
  }

  public Failure getFailure() {
    if (send().failure() == null || !is(SendState.FAILED)) {
      return null;
    }
    return new Failure(
        Formats.words(send().failure().step()),
        send().failure().message(),
        send().failure().retryDeadline() == null
            ? null
            : Formats.dateTime(send().failure().retryDeadline()),
        isSupport() && send().completedAt() == null && !isSamplingParent());
  }

  public File getFile() {
    FileView file = send().file();
    if (file == null) {
      return null;
    }
    return new File(
        file.filename(),
        Formats.count(file.rowCount()),
        Formats.bytes(file.byteCount()),
        file.sha256(),
        Formats.dateTime(file.exportedAt()),
        isSupport() ? "/sends/" + send().id() + "/file" : null);
  }

  public boolean hasLinks() {
    return !send().links().isEmpty();
  }

  /**
   * Every link, by recipient then age. Only the newest link of each address can be resent, and only
   * while the send's links are live.
   */
  public List<Link> getLinks() {
    Map<String, LinkView> newest = new HashMap<>();
    for (LinkView link : send().links()) {
      newest.put(link.emailAddress().toLowerCase(Locale.ROOT), link);
    }
    boolean resendable = isSupport() && is(SendState.LINKS_LIVE);
    List<Link> links = new ArrayList<>();
    for (LinkView link : send().links()) {
      boolean isNewest = newest.get(link.emailAddress().toLowerCase(Locale.ROOT)) == link;
      links.add(
          new Link(
              link.id().toString(),
              link.emailAddress(),
              Tags.link(link.state()),
              Formats.dateTime(link.emailedAt()),
              link.notifyId(),
              link.notifyId() == null ? "Not sent to GOV.UK Notify yet" : "Accepted by Notify",
              link.usedAt() == null ? null : Formats.dateTime(link.usedAt()),
              link.usedFrom(),
              Formats.dateTime(link.expiresAt()),
              link.revokedAt() == null ? null : Formats.dateTime(link.revokedAt()),
              link.revokedReason(),
              resendable && isNewest
                  ? "/sends/" + send().id() + "/links/" + link.id() + "/resend"
                  : null));
    }
    return links;
  }

  public boolean isCanRevoke() {
    return isSupport() && is(SendState.LINKS_LIVE) && !isSamplingParent();
  }

  public List<Timeline.Entry> getTimeline() {
    return Timeline.of(detail.timeline());
  }

  public String getWorkflowUrl() {
    String prefix = settings().workflowUrlPrefix();
    return prefix == null ? null : prefix + send().workflowId();
  }

  private boolean is(SendState state) {
    return state.code().equals(send().state());
  }

  /** Why the send failed and whether this person may retry it. */
  public record Failure(String step, String message, String retryBefore, boolean canRetry) {}

  /** The exported file; {@code downloadHref} only for support staff. */
  public record File(
      String filename,
      String rows,
      String size,
      String sha256,
      String madeAt,
      String downloadHref) {}

  /** One recipient's link as support and auditors see it: never its token. */
  public record Link(
      String id,
      String emailAddress,
      Tag status,
      String emailedAt,
      String notifyId,
      String notifyStatus,
      String usedAt,
      String usedFrom,
      String expiresAt,
      String revokedAt,
      String revokedReason,
      String resendAction) {

    public boolean isCanResend() {
      return resendAction != null;
    }
  }
}
