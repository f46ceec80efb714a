package uk.gov.courier.claims;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The send_claims table: which claims a send froze. A claim is in at most one open send of a kind;
 * the partial unique index {@code claim_in_one_open_send_per_kind} enforces it, and the freezing
 * inserts skip any claim it would refuse.
 */
public interface SendClaimDao {

  /** Freezes every submitted claim of the window that no open payments send holds. */
  @SqlUpdate(
      """
      INSERT INTO send_claims (send_id, claim_id, kind)
      SELECT :sendId, c.id, 'payments'
      FROM claims c
      WHERE c.status = 'submitted' AND c.claim_window_id = :claimWindowId
      ORDER BY c.id
      ON CONFLICT (claim_id, kind) WHERE is_open DO NOTHING
      """)
  int freezePayments(@Bind("sendId") UUID sendId, @Bind("claimWindowId") long claimWindowId);

  /** Freezes every claim with a clawback requested that no open clawbacks send holds. */
  @SqlUpdate(
      """
      INSERT INTO send_claims (send_id, claim_id, kind)
      SELECT :sendId, c.id, 'clawbacks'
      FROM claims c
      WHERE c.status = 'clawback_requested'
      ORDER BY c.id
      ON CONFLICT (claim_id, kind) WHERE is_open DO NOTHING
      """)
  int freezeClawbacks(@Bind("sendId") UUID sendId);

  /** Lets the send's claims go, so a new send can take them. Idempotent. */
  @SqlUpdate("UPDATE send_claims SET is_open = false WHERE send_id = :sendId AND is_open")
  int release(@Bind("sendId") UUID sendId);

  @SqlQuery("SELECT count(*) FROM send_claims WHERE send_id = :sendId")
  int count(@Bind("sendId") UUID sendId);

  @SqlQuery("SELECT count(*) FROM send_claims WHERE send_id = :sendId AND is_open")
  int countOpen(@Bind("sendId") UUID sendId);

  /** The kind of the send, as the database and the API name it; empty if there is no such send. */
  @SqlQuery("SELECT kind FROM sends WHERE id = :sendId")
  Optional<String> kindOf(@Bind("sendId") UUID sendId);

  /** Removes a send's claims entirely: only when the send itself is being removed. */
  @SqlUpdate("DELETE FROM send_claims WHERE send_id = :sendId")
  int deleteAll(@Bind("sendId") UUID sendId);
}
