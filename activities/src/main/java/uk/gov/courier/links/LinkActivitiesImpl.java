package uk.gov.courier.links;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.audit.AuditEvent;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.sampling.ProviderRef;
import uk.gov.courier.sampling.SamplingDao;
import uk.gov.courier.send.SendRecipientDao;
import uk.gov.courier.workflows.common.FailureType;
import uk.gov.courier.workflows.send.LinkActivities;
import uk.gov.courier.workflows.send.LinkRef;
import uk.gov.courier.workflows.send.LinkStatus;
import uk.gov.courier.workflows.send.ReplaceLinkRequest;
import uk.gov.courier.workflows.send.RevokeLinksRequest;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Makes, replaces and revokes download links in PostgreSQL. A link's token is never stored: only
 * {@link LinkTokens#sha256} of it. What crosses Temporal is a {@link LinkRef} whose label masks the
 * address.
 */
public final class LinkActivitiesImpl implements LinkActivities {

  private static final Logger LOG = LoggerFactory.getLogger(LinkActivitiesImpl.class);

  static final String REPLACED_REASON = "Replaced by a new link";

  private final Jdbi jdbi;
  private final LinkTokens tokens;

  public LinkActivitiesImpl(Jdbi jdbi, LinkTokens tokens) {
    this.jdbi = jdbi;
    this.tokens = tokens;
  }

  /**
   * One live link per recipient address, in recipient order. An address whose link has been used
   * already holds the file, so it gets no new link (and is left out of the result); an address with
   * a live link keeps it, with the new expiry if it has not been emailed yet.
   */
  @Override
  public List<LinkRef> createLinks(UUID sendId, Instant expiresAt) {
    List<LinkRef> refs =
        DatabaseFailures.guard(
            () -> jdbi.inTransaction(handle -> create(handle, sendId, expiresAt)));
    LOG.info("Send {}: {} live links", sendId, refs.size());
    return refs;
  }

  private List<LinkRef> create(Handle handle, UUID sendId, Instant expiresAt) {
    List<String> addresses = handle.attach(SendRecipientDao.class).addresses(sendId);
    if (addresses.isEmpty()) {
      addresses = providerAddressesNow(handle, sendId);
    }
    LinkDao links = handle.attach(LinkDao.class);
    AuditDao audit = handle.attach(AuditDao.class);
    List<LinkRow> existing = links.forSend(sendId);
    List<LinkRef> refs = new ArrayList<>();
    for (int index = 0; index < addresses.size(); index++) {
      String address = addresses.get(index);
      String label = RecipientLabels.label(address, index, addresses.size());
      Optional<LinkRow> open =
          existing.stream()
              .filter(link -> link.emailAddress().equalsIgnoreCase(address) && link.isOpen())
              .findFirst();
      if (open.isPresent()) {
        LinkRow link = open.get();
        Instant expiry = link.expiresAt();
        if (link.notifyId() == null && links.extendUnemailed(link.id(), expiresAt) == 1) {
          expiry = expiresAt;
        }
        refs.add(new LinkRef(link.id(), index, label, expiry));
        continue;
      }
      boolean alreadyUsed =
          existing.stream()
              .anyMatch(
                  link -> link.emailAddress().equalsIgnoreCase(address) && link.usedAt() != null);
      if (alreadyUsed) {
        continue;
      }
      UUID linkId = UUID.randomUUID();
      if (links.insert(linkId, sendId, address, index, tokens.tokenSha256(linkId), expiresAt, null)
          == 0) {
        throw FailureType.DATABASE_UNAVAILABLE.failure(
            "Another attempt made a link for " + label + " at the same time; trying again");
      }
      audit.insert(
          AuditEvent.of(
                  SendWorkflowContract.SYSTEM_ACTOR,
                  "link.created",
                  sendId,
                  Map.of("recipient", label, "expires_at", expiresAt))
              .link(linkId)
              .once("link.created:" + linkId));
      refs.add(new LinkRef(linkId, index, label, expiresAt));
    }
    return refs;
  }

  /**
   * A send with no recipients. A provider's sample froze its provider's addresses when the sampling
   * send was confirmed; if the provider had none, its send failed with {@code NO_RECIPIENTS}, and
   * this is the retry after support added one: freeze the provider's addresses as they are now. Any
   * other send (and a provider that still has no address) fails again with {@code NO_RECIPIENTS}.
   */
  private List<String> providerAddressesNow(Handle handle, UUID sendId) {
    Optional<ProviderRef> provider = handle.attach(SamplingDao.class).providerOfSend(sendId);
    if (provider.isEmpty()) {
      throw FailureType.NO_RECIPIENTS.failure("No recipient addresses are recorded for this send");
    }
    int frozen =
        handle.attach(SamplingDao.class).freezeProviderRecipients(sendId, provider.get().id());
    if (frozen == 0) {
      throw FailureType.NO_RECIPIENTS.failure(
          provider.get().name()
              + " has no email address in Courier. Add one for the provider, then retry this"
              + " send.");
    }
    handle
        .attach(AuditDao.class)
        .insert(
            AuditEvent.of(
                    SendWorkflowContract.SYSTEM_ACTOR,
                    "send.recipients_frozen",
                    sendId,
                    Map.of("provider", provider.get().name(), "recipient_count", frozen))
                .once("send.recipients_frozen:" + sendId));
    LOG.info("Send {}: {} provider addresses frozen on retry", sendId, frozen);
    return handle.attach(SendRecipientDao.class).addresses(sendId);
  }

  @Override
  public LinkRef replaceLink(ReplaceLinkRequest request) {
    return DatabaseFailures.guard(() -> jdbi.inTransaction(handle -> replace(handle, request)));
  }

  private LinkRef replace(Handle handle, ReplaceLinkRequest request) {
    LinkDao links = handle.attach(LinkDao.class);
    int recipients = handle.attach(SendRecipientDao.class).addresses(request.sendId()).size();
    Optional<LinkRow> already = links.find(request.newLinkId());
    if (already.isPresent()) {
      return ref(already.get(), recipients);
    }
    LinkRow old =
        links
            .find(request.oldLinkId())
            .filter(link -> link.sendId().equals(request.sendId()))
            .orElseThrow(
                () ->
                    FailureType.UNEXPECTED.failure("This send has no link " + request.oldLinkId()));
    AuditDao audit = handle.attach(AuditDao.class);
    if (links.revoke(old.id(), request.sendId(), request.replacedAt(), REPLACED_REASON) == 1) {
      audit.insert(
          AuditEvent.of(
                  request.requestedBy(),
                  "link.revoked",
                  request.sendId(),
                  Map.of("reason", REPLACED_REASON))
              .at(request.replacedAt())
              .link(old.id())
              .once("link.revoked:" + old.id()));
    }
    int index = old.recipientIndex() == null ? 0 : old.recipientIndex();
    UUID newLinkId = request.newLinkId();
    int made =
        links.insert(
            newLinkId,
            request.sendId(),
            old.emailAddress(),
            index,
            tokens.tokenSha256(newLinkId),
            request.expiresAt(),
            old.id());
    String label = RecipientLabels.label(old.emailAddress(), index, recipients);
    if (made == 0) {
      throw FailureType.UNEXPECTED.failure(
          "The address " + label + " already has another live link in this send");
    }
    audit.insert(
        AuditEvent.of(
                request.requestedBy(),
                "link.created",
                request.sendId(),
                Map.of(
                    "recipient", label,
                    "expires_at", request.expiresAt(),
                    "replaces_link_id", old.id()))
            .at(request.replacedAt())
            .link(newLinkId)
            .once("link.created:" + newLinkId));
    LOG.info("Send {}: link {} replaced by {}", request.sendId(), old.id(), newLinkId);
    return new LinkRef(newLinkId, index, label, request.expiresAt());
  }

  @Override
  public List<LinkStatus> revokeLinks(RevokeLinksRequest request) {
    return DatabaseFailures.guard(() -> jdbi.inTransaction(handle -> revoke(handle, request)));
  }

  private List<LinkStatus> revoke(Handle handle, RevokeLinksRequest request) {
    LinkDao links = handle.attach(LinkDao.class);
    AuditDao audit = handle.attach(AuditDao.class);
    List<LinkStatus> statuses = new ArrayList<>();
    for (UUID linkId : request.linkIds()) {
      if (links.revoke(linkId, request.sendId(), request.revokedAt(), request.reason()) == 1) {
        audit.insert(
            AuditEvent.of(
                    request.revokedBy(),
                    "link.revoked",
                    request.sendId(),
                    Map.of("reason", request.reason() == null ? "" : request.reason()))
                .at(request.revokedAt())
                .link(linkId)
                .once("link.revoked:" + linkId));
      }
      statuses.add(
          links
              .find(linkId)
              .filter(link -> link.sendId().equals(request.sendId()))
              .map(link -> new LinkStatus(linkId, link.usedAt(), link.revokedAt()))
              .orElse(new LinkStatus(linkId, null, null)));
    }
    return statuses;
  }

  private static LinkRef ref(LinkRow link, int recipients) {
    int index = link.recipientIndex() == null ? 0 : link.recipientIndex();
    return new LinkRef(
        link.id(),
        index,
        RecipientLabels.label(link.emailAddress(), index, Math.max(recipients, index + 1)),
        link.expiresAt());
  }
}
