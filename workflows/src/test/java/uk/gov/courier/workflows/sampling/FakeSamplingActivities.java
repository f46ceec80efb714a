package uk.gov.courier.workflows.sampling;

import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.ClaimActivities;
import uk.gov.courier.workflows.send.EmailActivities;
import uk.gov.courier.workflows.send.ExportActivities;
import uk.gov.courier.workflows.send.ExportResult;
import uk.gov.courier.workflows.send.LinkActivities;
import uk.gov.courier.workflows.send.LinkRef;
import uk.gov.courier.workflows.send.LinkStatus;
import uk.gov.courier.workflows.send.ReplaceLinkRequest;
import uk.gov.courier.workflows.send.RevokeLinksRequest;
import uk.gov.courier.workflows.send.SendFailure;
import uk.gov.courier.workflows.send.SendRecordActivities;
import uk.gov.courier.workflows.send.SendSummary;
import uk.gov.courier.workflows.send.SentEmail;

/**
 * Every activity a sampling send and its providers' sends use, in memory, behaving as the real ones
 * must: provider sends made once, each provider's own recipients (read afresh on every {@code
 * createLinks}, as the real activity does for a provider send that has none frozen), idempotent
 * links and emails. Records each call with its arguments.
 */
final class FakeSamplingActivities
    implements SamplingActivities,
        SendRecordActivities,
        ExportActivities,
        LinkActivities,
        EmailActivities,
        ClaimActivities {

  record Call(String method, List<Object> args) {}

  /** A provider in the sample: its name, sampled claims and email addresses (as labels). */
  static final class FakeProvider {
    final long id;
    final String name;
    final int claims;
    final List<String> addresses;

    FakeProvider(long id, String name, int claims, List<String> addresses) {
      this.id = id;
      this.name = name;
      this.claims = claims;
      this.addresses = new CopyOnWriteArrayList<>(addresses);
    }
  }

  record FakeLink(UUID linkId, UUID sendId, int index, String label, Instant expiresAt) {}

  record Email(UUID sendId, UUID linkId, String recipient) {}

  private final TestWorkflowEnvironment env;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<FakeProvider> sample = new CopyOnWriteArrayList<>();
  private final Map<UUID, FakeProvider> providerOfSend = new LinkedHashMap<>();
  private final List<ProviderSend> made = new ArrayList<>();
  private final Map<UUID, FakeLink> links = new LinkedHashMap<>();
  private final Map<UUID, String> notificationIds = new LinkedHashMap<>();
  final List<Email> outbox = new CopyOnWriteArrayList<>();

  /** While set, {@link #createProviderSends} fails permanently with this type. */
  volatile FailureType providerSendsFailure;

  FakeSamplingActivities(TestWorkflowEnvironment env) {
    this.env = env;
  }

  FakeSamplingActivities provider(String name, int claims, String... addresses) {
    sample.add(new FakeProvider(sample.size() + 1, name, claims, List.of(addresses)));
    return this;
  }

  // ---- what the tests read ----

  List<String> methods() {
    return calls.stream().map(Call::method).toList();
  }

  /** The calls made for one send, by method name, in order. */
  List<String> methodsFor(UUID sendId) {
    return calls.stream()
        .filter(call -> !call.args().isEmpty() && sendId.equals(sendIdOf(call.args().get(0))))
        .map(Call::method)
        .toList();
  }

  List<List<Object>> argsOf(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).map(Call::args).toList();
  }

  synchronized List<ProviderSend> made() {
    return List.copyOf(made);
  }

  synchronized UUID sendOf(String providerName) {
    return made.stream()
        .filter(send -> send.providerName().equals(providerName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No send was made for " + providerName))
        .sendId();
  }

  List<Email> outboxFor(UUID sendId) {
    return outbox.stream().filter(email -> email.sendId().equals(sendId)).toList();
  }

  private static Object sendIdOf(Object first) {
    if (first instanceof SendSummary summary) {
      return summary.sendId();
    }
    if (first instanceof SamplingSummary summary) {
      return summary.sendId();
    }
    if (first instanceof RevokeLinksRequest request) {
      return request.sendId();
    }
    return first;
  }

  private void called(String method, Object... args) {
    calls.add(new Call(method, List.of(args)));
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  // ---- SamplingActivities ----

  @Override
  public synchronized List<ProviderSend> createProviderSends(
      UUID samplingSendId, String confirmedBy, Instant at) {
    called("createProviderSends", samplingSendId, confirmedBy, at);
    if (providerSendsFailure != null) {
      throw providerSendsFailure.failure("The sampling send holds no open claims");
    }
    if (made.isEmpty()) {
      for (FakeProvider provider : sample) {
        ProviderSend send =
            new ProviderSend(
                UUID.randomUUID(),
                provider.id,
                provider.name,
                provider.claims,
                provider.addresses.size());
        made.add(send);
        providerOfSend.put(send.sendId(), provider);
      }
    }
    return List.copyOf(made);
  }

  @Override
  public void recordSamplingCompleted(SamplingSummary summary) {
    called("recordSamplingCompleted", summary);
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
  public synchronized ExportResult exportClaims(UUID sendId) {
    called("exportClaims", sendId);
    FakeProvider provider = providerOfSend.get(sendId);
    return new ExportResult(
        "sends/" + sendId + "/sampling.csv", 2L * provider.claims, 512, "cd".repeat(32));
  }

  // ---- LinkActivities ----

  @Override
  public synchronized List<LinkRef> createLinks(UUID sendId, Instant expiresAt) {
    called("createLinks", sendId, expiresAt);
    FakeProvider provider = providerOfSend.get(sendId);
    if (provider.addresses.isEmpty()) {
      throw FailureType.NO_RECIPIENTS.failure(
          provider.name
              + " has no email address in Courier. Add one for the provider, then retry this"
              + " send.");
    }
    List<LinkRef> refs = new ArrayList<>();
    for (int index = 0; index < provider.addresses.size(); index++) {
      int recipient = index;
      FakeLink link =
          links.values().stream()
              .filter(l -> l.sendId().equals(sendId) && l.index() == recipient)
              .findFirst()
              .orElse(null);
      if (link == null) {
        link =
            new FakeLink(
                UUID.randomUUID(), sendId, index, provider.addresses.get(index), expiresAt);
        links.put(link.linkId(), link);
      }
      refs.add(new LinkRef(link.linkId(), index, link.label(), link.expiresAt()));
    }
    return refs;
  }

  @Override
  public synchronized LinkRef replaceLink(ReplaceLinkRequest request) {
    called("replaceLink", request);
    FakeLink old = links.get(request.oldLinkId());
    FakeLink fresh =
        new FakeLink(
            request.newLinkId(), request.sendId(), old.index(), old.label(), request.expiresAt());
    links.put(fresh.linkId(), fresh);
    return new LinkRef(fresh.linkId(), fresh.index(), fresh.label(), fresh.expiresAt());
  }

  @Override
  public synchronized List<LinkStatus> revokeLinks(RevokeLinksRequest request) {
    called("revokeLinks", request);
    return request.linkIds().stream()
        .map(linkId -> new LinkStatus(linkId, null, request.revokedAt()))
        .toList();
  }

  // ---- EmailActivities ----

  @Override
  public synchronized SentEmail sendLinkEmail(UUID linkId) {
    FakeLink link = links.get(linkId);
    called("sendLinkEmail", link.sendId(), linkId);
    String id = notificationIds.get(linkId);
    if (id == null) {
      id = "notify-" + UUID.randomUUID();
      notificationIds.put(linkId, id);
      outbox.add(new Email(link.sendId(), linkId, link.label()));
    }
    return new SentEmail(id, now());
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
