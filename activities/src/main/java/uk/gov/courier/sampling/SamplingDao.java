package uk.gov.courier.sampling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import uk.gov.courier.workflows.sampling.ProviderSend;

/**
 * A sampling send's parent and children in {@code sends}, and what moves between them: claims
 * (handed from the parent to each provider's send) and recipients (a provider's addresses, frozen
 * on its send).
 */
public interface SamplingDao {

  /** The provider of a provider's send; empty for any other send. */
  @SqlQuery(
      """
      SELECT p.id, p.name FROM sends s JOIN providers p ON p.id = s.provider_id
      WHERE s.id = :sendId
      """)
  @RegisterConstructorMapper(ProviderRef.class)
  Optional<ProviderRef> providerOfSend(@Bind("sendId") UUID sendId);

  /** The parent of a provider's send; empty for any other send. */
  @SqlQuery("SELECT parent_send_id FROM sends WHERE id = :sendId AND parent_send_id IS NOT NULL")
  Optional<UUID> parentOf(@Bind("sendId") UUID sendId);

  /** Locks a sampling send's row for the rest of the transaction; its creator, if it exists. */
  @SqlQuery(
      """
      SELECT created_by FROM sends
      WHERE id = :sendId AND kind = 'sampling' AND parent_send_id IS NULL
      FOR UPDATE
      """)
  Optional<String> lockSampling(@Bind("sendId") UUID sendId);

  /** The providers' sends of a sampling send, by provider name. */
  @SqlQuery(
      """
      SELECT s.id AS send_id, p.id AS provider_id, p.name AS provider_name,
             (SELECT count(*) FROM send_claims sc WHERE sc.send_id = s.id) AS claim_count,
             (SELECT count(*) FROM send_recipients r WHERE r.send_id = s.id) AS recipient_count
      FROM sends s JOIN providers p ON p.id = s.provider_id
      WHERE s.parent_send_id = :parentId
      ORDER BY p.name, p.id
      """)
  @RegisterConstructorMapper(ProviderSend.class)
  List<ProviderSend> children(@Bind("parentId") UUID parentId);

  /** The providers of the claims a sampling send still holds, by name. */
  @SqlQuery(
      """
      SELECT DISTINCT p.id, p.name
      FROM send_claims sc
      JOIN claims c ON c.id = sc.claim_id
      JOIN providers p ON p.id = c.provider_id
      WHERE sc.send_id = :parentId AND sc.is_open
      ORDER BY p.name, p.id
      """)
  @RegisterConstructorMapper(ProviderRef.class)
  List<ProviderRef> providersOfOpenClaims(@Bind("parentId") UUID parentId);

  /** A provider's send, already confirmed by whoever confirmed the sampling send. */
  @SqlUpdate(
      """
      INSERT INTO sends (id, kind, state, workflow_id, parent_send_id, provider_id, created_by,
                         confirmed_by, confirmed_at)
      VALUES (:id, 'sampling', 'processing', :workflowId, :parentId, :providerId, :createdBy,
              :confirmedBy, :confirmedAt)
      """)
  void insertProviderSend(
      @Bind("id") UUID id,
      @Bind("workflowId") String workflowId,
      @Bind("parentId") UUID parentId,
      @Bind("providerId") long providerId,
      @Bind("createdBy") String createdBy,
      @Bind("confirmedBy") String confirmedBy,
      @Bind("confirmedAt") Instant confirmedAt);

  /** Closes the parent's hold on one provider's claims and says which they were. */
  @SqlQuery(
      """
      UPDATE send_claims sc SET is_open = false
      FROM claims c
      WHERE sc.send_id = :parentId AND sc.is_open AND c.id = sc.claim_id
        AND c.provider_id = :providerId
      RETURNING sc.claim_id, sc.sample_reason
      """)
  @RegisterConstructorMapper(SampledClaim.class)
  List<SampledClaim> releaseProviderClaims(
      @Bind("parentId") UUID parentId, @Bind("providerId") long providerId);

  /**
   * Freezes a sample's claims on its sampling send, with their sample reasons; a claim another open
   * sampling send holds is skipped (its count is 0).
   */
  @SqlBatch(
      """
      INSERT INTO send_claims (send_id, claim_id, kind, sample_reason)
      VALUES (:sendId, :claimId, 'sampling', :sampleReason)
      ON CONFLICT (claim_id, kind) WHERE is_open DO NOTHING
      """)
  int[] freezeSample(
      @Bind("sendId") UUID sendId,
      @Bind("claimId") List<Long> claimIds,
      @Bind("sampleReason") List<String> sampleReasons);

  /** Gives claims to a provider's send, with their sample reasons. */
  @SqlBatch(
      """
      INSERT INTO send_claims (send_id, claim_id, kind, sample_reason)
      VALUES (:sendId, :claimId, 'sampling', :sampleReason)
      """)
  void holdClaims(
      @Bind("sendId") UUID sendId,
      @Bind("claimId") List<Long> claimIds,
      @Bind("sampleReason") List<String> sampleReasons);

  /**
   * Freezes the provider's addresses, as they are now, as the send's recipients (oldest address
   * first). Returns how many; call only while the send has none.
   */
  @SqlUpdate(
      """
      INSERT INTO send_recipients (send_id, position, email_address)
      SELECT :sendId, (row_number() OVER (ORDER BY a.id)) - 1, a.email_address
      FROM provider_email_addresses a
      WHERE a.provider_id = :providerId
      """)
  int freezeProviderRecipients(@Bind("sendId") UUID sendId, @Bind("providerId") long providerId);

  /** Marks a provider's send that never started as failed, unless it has moved on. */
  @SqlUpdate(
      """
      UPDATE sends SET state = 'failed', failure_type = :type, failure_message = :message,
                       failed_at = :at, completed_at = :at, updated_at = now()
      WHERE id = :sendId AND state = 'processing'
      """)
  int markNeverStarted(
      @Bind("sendId") UUID sendId,
      @Bind("type") String type,
      @Bind("message") String message,
      @Bind("at") Instant at);

  /** A claim handed from a sampling send to a provider's send. */
  record SampledClaim(long claimId, String sampleReason) {}
}
