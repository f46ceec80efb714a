package uk.gov.courier.sampling;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** What checking a sample needs to know about the claims and providers it names. */
public interface SampleClaimDao {

  String CLAIMS =
      """
      SELECT c.id, c.reference, c.status, c.provider_id, p.name AS provider_name,
             (SELECT count(*) FROM mentor_trainings mt WHERE mt.claim_id = c.id)
                 AS mentor_training_count,
             (SELECT sc.send_id FROM send_claims sc
              WHERE sc.claim_id = c.id AND sc.kind = 'sampling' AND sc.is_open
              LIMIT 1) AS open_sampling_send_id
      FROM claims c JOIN providers p ON p.id = c.provider_id
      WHERE c.reference = ANY(:references)
      """;

  /** The claims with these references. */
  @SqlQuery(CLAIMS)
  @RegisterConstructorMapper(SampleClaim.class)
  List<SampleClaim> find(@Bind("references") String[] references);

  /**
   * As {@link #find}, locking the claims against change until the transaction ends, so a sample
   * confirmed in it is checked against claims nobody can move meanwhile.
   */
  @SqlQuery(CLAIMS + " ORDER BY c.id FOR SHARE OF c")
  @RegisterConstructorMapper(SampleClaim.class)
  List<SampleClaim> findAndLock(@Bind("references") String[] references);

  /** The providers' email addresses as they are now, oldest first. */
  @SqlQuery(
      """
      SELECT provider_id, email_address FROM provider_email_addresses
      WHERE provider_id = ANY(:providerIds)
      ORDER BY provider_id, id
      """)
  @RegisterConstructorMapper(ProviderAddress.class)
  List<ProviderAddress> addresses(@Bind("providerIds") long[] providerIds);

  /** A claim a sample names. */
  record SampleClaim(
      long id,
      String reference,
      String status,
      long providerId,
      String providerName,
      int mentorTrainingCount,
      UUID openSamplingSendId) {}

  /** One of a provider's email addresses. */
  record ProviderAddress(long providerId, String emailAddress) {}
}
