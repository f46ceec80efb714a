package uk.gov.courier.sampling;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads for {@link SamplingService}. */
public interface SamplingViewDao {

  /** One row per provider of a sampling send's claims, with its provider send if made. */
  @SqlQuery(
      """
      SELECT c.provider_id, p.name AS provider_name, count(*) AS claim_count,
             coalesce(sum(t.n), 0) AS mentor_training_count,
             array(SELECT a.email_address FROM provider_email_addresses a
                   WHERE a.provider_id = c.provider_id ORDER BY a.id) AS provider_addresses,
             ch.id AS send_id, ch.state, ch.failure_type, ch.failure_message,
             array(SELECT r.email_address FROM send_recipients r
                   WHERE r.send_id = ch.id ORDER BY r.position) AS recipients,
             (SELECT count(*) FROM links l WHERE l.send_id = ch.id) AS link_count,
             (SELECT count(*) FROM links l WHERE l.send_id = ch.id AND l.emailed_at IS NOT NULL)
                 AS emailed_link_count,
             (SELECT count(*) FROM links l WHERE l.send_id = ch.id AND l.used_at IS NOT NULL)
                 AS used_link_count
      FROM send_claims sc
      JOIN claims c ON c.id = sc.claim_id
      JOIN providers p ON p.id = c.provider_id
      LEFT JOIN (SELECT claim_id, count(*) AS n FROM mentor_trainings GROUP BY claim_id) t
             ON t.claim_id = c.id
      LEFT JOIN sends ch ON ch.parent_send_id = sc.send_id AND ch.provider_id = c.provider_id
      WHERE sc.send_id = :sendId
      GROUP BY c.provider_id, p.name, ch.id, ch.state, ch.failure_type, ch.failure_message
      ORDER BY p.name, c.provider_id
      """)
  @RegisterConstructorMapper(ProviderRow.class)
  List<ProviderRow> providers(@Bind("sendId") UUID sendId);

  /** A provider of a sampling send, as the query above reads it. */
  record ProviderRow(
      long providerId,
      String providerName,
      int claimCount,
      int mentorTrainingCount,
      List<String> providerAddresses,
      UUID sendId,
      String state,
      String failureType,
      String failureMessage,
      List<String> recipients,
      int linkCount,
      int emailedLinkCount,
      int usedLinkCount) {}
}
