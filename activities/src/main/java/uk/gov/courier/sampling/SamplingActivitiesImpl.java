package uk.gov.courier.sampling;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.send.SendDao;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.sampling.ProviderSend;
import uk.gov.courier.workflows.sampling.ProviderSendProgress;
import uk.gov.courier.workflows.sampling.ProviderSendStatus;
import uk.gov.courier.workflows.sampling.SamplingActivities;
import uk.gov.courier.workflows.sampling.SamplingSummary;
import uk.gov.courier.workflows.send.SendState;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Makes a confirmed sampling send's providers' sends, and records how it ended.
 *
 * <p>A provider's send freezes the provider's addresses as they are when the sampling send is
 * confirmed, as a payer send freezes the payer's. A provider with no address gets a send with no
 * recipients: it fails with {@code NO_RECIPIENTS} and stops nothing else. When support have added
 * an address and retry it, {@code createLinks} reads the provider's addresses afresh (see {@code
 * LinkActivitiesImpl}): only a provider send with no recipients at all does that, so a send that
 * has gone out never changes whom it goes to.
 */
public final class SamplingActivitiesImpl implements SamplingActivities {

  private static final Logger LOG = LoggerFactory.getLogger(SamplingActivitiesImpl.class);

  private final Jdbi jdbi;

  public SamplingActivitiesImpl(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public List<ProviderSend> createProviderSends(
      UUID samplingSendId, String confirmedBy, Instant at) {
    List<ProviderSend> sends =
        DatabaseFailures.guard(
            () -> jdbi.inTransaction(handle -> create(handle, samplingSendId, confirmedBy, at)));
    LOG.info("Sampling send {}: {} provider sends", samplingSendId, sends.size());
    return sends;
  }

  private List<ProviderSend> create(
      Handle handle, UUID parentId, String confirmedBy, Instant confirmedAt) {
    SamplingDao sampling = handle.attach(SamplingDao.class);
    String createdBy =
        sampling
            .lockSampling(parentId)
            .orElseThrow(
                () -> FailureType.NO_CLAIMS.failure("There is no sampling send " + parentId));
    List<ProviderSend> existing = sampling.children(parentId);
    if (!existing.isEmpty()) {
      return existing;
    }
    List<ProviderRef> providers = sampling.providersOfOpenClaims(parentId);
    if (providers.isEmpty()) {
      throw FailureType.NO_CLAIMS.failure("The sampling send holds no open claims");
    }
    AuditDao audit = handle.attach(AuditDao.class);
    for (ProviderRef provider : providers) {
      UUID childId = UUID.randomUUID();
      sampling.insertProviderSend(
          childId,
          SendWorkflowContract.workflowId(childId),
          parentId,
          provider.id(),
          createdBy,
          confirmedBy,
          confirmedAt);
      List<SamplingDao.SampledClaim> claims =
          sampling.releaseProviderClaims(parentId, provider.id());
      sampling.holdClaims(
          childId,
          claims.stream().map(SamplingDao.SampledClaim::claimId).toList(),
          claims.stream().map(SamplingDao.SampledClaim::sampleReason).toList());
      int recipients = sampling.freezeProviderRecipients(childId, provider.id());
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("kind", "sampling");
      detail.put("sampling_send_id", parentId);
      detail.put("provider", provider.name());
      detail.put("claim_count", claims.size());
      detail.put("recipient_count", recipients);
      audit.insert(
          AuditEvent.of(SendWorkflowContract.SYSTEM_ACTOR, "send.created", childId, detail)
              .at(confirmedAt)
              .once("send.created:" + childId));
    }
    List<ProviderSend> made = sampling.children(parentId);
    audit.insert(
        AuditEvent.of(
                SendWorkflowContract.SYSTEM_ACTOR,
                "sampling.provider_sends_created",
                parentId,
                Map.of(
                    "provider_count",
                    made.size(),
                    "without_address",
                    made.stream()
                        .filter(send -> send.recipientCount() == 0)
                        .map(ProviderSend::providerName)
                        .toList()))
            .at(confirmedAt)
            .once("sampling.provider_sends_created:" + parentId));
    return made;
  }

  @Override
  public void recordSamplingCompleted(SamplingSummary summary) {
    UUID sendId = summary.sendId();
    DatabaseFailures.guard(
        () ->
            jdbi.useTransaction(
                handle -> {
                  handle
                      .attach(SendDao.class)
                      .closed(sendId, SendState.COMPLETED.code(), summary.finishedAt());
                  SamplingDao sampling = handle.attach(SamplingDao.class);
                  for (ProviderSendStatus provider : summary.providers()) {
                    if (provider.progress() == ProviderSendProgress.BROKEN) {
                      sampling.markNeverStarted(
                          provider.sendId(),
                          provider.failureType() == null
                              ? FailureType.UNEXPECTED.name()
                              : provider.failureType().name(),
                          provider.failureMessage(),
                          summary.finishedAt());
                    }
                  }
                  handle
                      .attach(AuditDao.class)
                      .insert(
                          AuditEvent.of(
                                  SendWorkflowContract.SYSTEM_ACTOR,
                                  "send.completed",
                                  sendId,
                                  Map.of("providers", outcomes(summary.providers())))
                              .at(summary.finishedAt())
                              .once("send.completed:" + sendId));
                }));
  }

  private static List<Map<String, Object>> outcomes(List<ProviderSendStatus> providers) {
    return providers.stream()
        .map(
            provider -> {
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("send_id", provider.sendId());
              detail.put("provider", provider.providerName());
              detail.put("progress", provider.progress());
              detail.put("outcome", provider.outcome());
              detail.put("failure_type", provider.failureType());
              detail.put("failure_message", provider.failureMessage());
              detail.put("emailed_links", provider.emailedLinks());
              return detail;
            })
        .toList();
  }
}
