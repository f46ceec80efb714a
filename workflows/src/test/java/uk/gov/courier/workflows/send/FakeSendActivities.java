package uk.gov.courier.workflows.send;

import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.gov.courier.workflows.common.FailureType;

/**
 * Every send activity, in memory, behaving as the real ones must: idempotent links, a Notify outbox
 * that never sends twice for a link, conditional revocation. Records each call in order.
 */
final class FakeSendActivities
    implements SendRecordActivities,
        ExportActivities,
        LinkActivities,
        EmailActivities,
        ClaimActivities {

  record Call(String method, List<Object> args) {}

  static final class FakeLink {
    final UUID linkId;
    final int recipientIndex;
    final String recipientLabel;
    Instant expiresAt;
    String notificationId;
    Instant emailedAt;
    Instant usedAt;
    Instant revokedAt;
    String revokedBy;
    String revokeReason;

    FakeLink(UUID linkId, int recipientIndex, String recipientLabel, Instant expiresAt) {
      this.linkId = linkId;
      this.recipientIndex = recipientIndex;
      this.recipientLabel = recipientLabel;
      this.expiresAt = expiresAt;
    }

    boolean live() {
      return usedAt == null && revokedAt == null;
    }

    LinkRef ref() {
      return new LinkRef(linkId, recipientIndex, recipientLabel, expiresAt);
    }
  }

  /** One email Notify accepted. */
  record Email(UUID linkId, String notificationId) {}

  private final TestWorkflowEnvironment env;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<UUID, FakeLink> links = new LinkedHashMap<>();

  final List<String> recipients =
      new CopyOnWriteArrayList<>(
          List.of("Payer finance team (1 of 2)", "Payer finance team (2 of 2)"));
  final List<Email> outbox = new CopyOnWriteArrayList<>();

  /** Faults for the next email attempts, one per attempt. */
  final Deque<FailureType> emailFaults = new ConcurrentLinkedDeque<>();

  /** While set, Notify rejects every email with this message (HTTP 400). */
  volatile String notifyRejection;

  FakeSendActivities(TestWorkflowEnvironment env) {
    this.env = env;
  }

  // ---- what the tests read ----

  List<String> methods() {
    return calls.stream().map(Call::method).toList();
  }

  List<Object> argsOf(String method) {
    return calls.stream()
        .filter(call -> call.method().equals(method))
        .reduce((first, second) -> second)
        .map(Call::args)
        .orElseThrow(() -> new AssertionError(method + " was not called"));
  }

  long count(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).count();
  }

  synchronized FakeLink link(UUID linkId) {
    return links.get(linkId);
  }

  /** The download page using a link: the database records it first. */
  synchronized Instant use(UUID linkId) {
    Instant now = now();
    links.get(linkId).usedAt = now;
    return now;
  }

  private void called(String method, Object... args) {
    calls.add(new Call(method, List.of(args)));
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  // ---- SendRecordActivities ----

  @Override
  public void recordConfirmed(UUID sendId, String confirmedBy, Instant confirmedAt) {
    called("recordConfirmed", sendId, confirmedBy, confirmedAt);
  }

  @Override
  public void recordCancelled(UUID sendId, String cancelledBy, String reason, Instant at) {
    called("recordCancelled", sendId, cancelledBy, reason, at);
  }

  @Override
  public void recordUnconfirmed(UUID sendId, Instant closedAt) {
    called("recordUnconfirmed", sendId, closedAt);
  }

  @Override
  public void recordFailed(UUID sendId, SendFailure failure) {
    called("recordFailed", sendId, failure);
  }

  @Override
  public void recordRetried(UUID sendId, String retriedBy, Instant retriedAt) {
    called("recordRetried", sendId, retriedBy, retriedAt);
  }

  @Override
  public void recordLinksLive(UUID sendId, Instant liveAt) {
    called("recordLinksLive", sendId, liveAt);
  }

  @Override
  public void recordCompleted(SendSummary summary) {
    called("recordCompleted", summary);
  }

  @Override
  public void recordAbandoned(SendSummary summary) {
    called("recordAbandoned", summary);
  }

  // ---- ExportActivities ----

  @Override
  public ExportResult exportClaims(UUID sendId) {
    called("exportClaims", sendId);
    return new ExportResult("sends/" + sendId + ".csv", 3, 420, "ab".repeat(32));
  }

  // ---- LinkActivities ----

  @Override
  public synchronized List<LinkRef> createLinks(UUID sendId, Instant expiresAt) {
    called("createLinks", sendId, expiresAt);
    if (recipients.isEmpty()) {
      throw FailureType.NO_RECIPIENTS.failure("No payer addresses are configured");
    }
    List<LinkRef> live = new ArrayList<>();
    for (int index = 0; index < recipients.size(); index++) {
      int recipient = index;
      FakeLink link =
          links.values().stream()
              .filter(l -> l.recipientIndex == recipient && l.live())
              .findFirst()
              .orElse(null);
      if (link == null) {
        link = new FakeLink(UUID.randomUUID(), index, recipients.get(index), expiresAt);
        links.put(link.linkId, link);
      } else if (link.notificationId == null) {
        link.expiresAt = expiresAt;
      }
      live.add(link.ref());
    }
    return live;
  }

  @Override
  public synchronized LinkRef replaceLink(ReplaceLinkRequest request) {
    called("replaceLink", request);
    FakeLink existing = links.get(request.newLinkId());
    if (existing != null) {
      return existing.ref();
    }
    FakeLink old = links.get(request.oldLinkId());
    if (old.live()) {
      old.revokedAt = request.replacedAt();
      old.revokedBy = request.requestedBy();
      old.revokeReason = "Replaced by a resend";
    }
    FakeLink fresh =
        new FakeLink(
            request.newLinkId(), old.recipientIndex, old.recipientLabel, request.expiresAt());
    links.put(fresh.linkId, fresh);
    return fresh.ref();
  }

  @Override
  public synchronized List<LinkStatus> revokeLinks(RevokeLinksRequest request) {
    called("revokeLinks", request);
    List<LinkStatus> result = new ArrayList<>();
    for (UUID linkId : request.linkIds()) {
      FakeLink link = links.get(linkId);
      if (link.live()) {
        link.revokedAt = request.revokedAt();
        link.revokedBy = request.revokedBy();
        link.revokeReason = request.reason();
      }
      result.add(new LinkStatus(linkId, link.usedAt, link.revokedAt));
    }
    return result;
  }

  // ---- EmailActivities ----

  @Override
  public synchronized SentEmail sendLinkEmail(UUID linkId) {
    called("sendLinkEmail", linkId);
    FakeLink link = links.get(linkId);
    if (link.notificationId != null) {
      return new SentEmail(link.notificationId, link.emailedAt);
    }
    if (notifyRejection != null) {
      throw FailureType.NOTIFY_REJECTED.failure(notifyRejection);
    }
    FailureType fault = emailFaults.poll();
    if (fault != null) {
      throw fault.failure("Notify answered HTTP 500");
    }
    link.notificationId = "notify-" + UUID.randomUUID();
    link.emailedAt = now();
    outbox.add(new Email(linkId, link.notificationId));
    return new SentEmail(link.notificationId, link.emailedAt);
  }

  // ---- ClaimActivities ----

  @Override
  public void moveClaimsToSent(UUID sendId) {
    called("moveClaimsToSent", sendId);
  }

  @Override
  public void releaseClaims(UUID sendId) {
    called("releaseClaims", sendId);
  }
}
