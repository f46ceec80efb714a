package uk.gov.courier.claims;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Claim statuses, as sends change them. */
public interface ClaimDao {

  /** Moves the send's claims that are still in {@code from} to {@code to}. */
  @SqlUpdate(
      """
      UPDATE claims c SET status = :to
      FROM send_claims sc
      WHERE sc.send_id = :sendId AND sc.claim_id = c.id AND c.status = :from
      """)
  int moveSendClaims(@Bind("sendId") UUID sendId, @Bind("from") String from, @Bind("to") String to);

  /** How many of the send's claims are in neither status. */
  @SqlQuery(
      """
      SELECT count(*) FROM claims c JOIN send_claims sc ON sc.claim_id = c.id
      WHERE sc.send_id = :sendId AND c.status NOT IN (:from, :to)
      """)
  int countElsewhere(@Bind("sendId") UUID sendId, @Bind("from") String from, @Bind("to") String to);

  /** A few of those claims, as "reference (status)", for a message to support staff. */
  @SqlQuery(
      """
      SELECT c.reference || ' (' || replace(c.status, '_', ' ') || ')'
      FROM claims c JOIN send_claims sc ON sc.claim_id = c.id
      WHERE sc.send_id = :sendId AND c.status NOT IN (:from, :to)
      ORDER BY c.reference
      LIMIT 5
      """)
  List<String> someElsewhere(
      @Bind("sendId") UUID sendId, @Bind("from") String from, @Bind("to") String to);
}
