package uk.gov.courier.claims;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads of claims for people: searching, a claim with its sends, and what is waiting to be sent.
 * Null parameters match everything.
 */
public interface ClaimQueryDao {

  String MATCHES =
      """
      FROM claims c
      JOIN schools s ON s.id = c.school_id
      JOIN providers p ON p.id = c.provider_id
      JOIN claim_windows w ON w.id = c.claim_window_id
      WHERE (CAST(:query AS text) IS NULL
             OR c.reference LIKE :pattern || '%' ESCAPE '!'
             OR s.urn = :query
             OR s.name ILIKE '%' || :pattern || '%' ESCAPE '!')
        AND (CAST(:status AS text) IS NULL OR c.status = :status)
        AND (CAST(:windowId AS bigint) IS NULL OR c.claim_window_id = :windowId)
        AND (CAST(:providerId AS bigint) IS NULL OR c.provider_id = :providerId)
      """;

  @SqlQuery(
      "SELECT c.reference, s.name AS school_name, s.urn AS school_urn,"
          + " p.name AS provider_name, w.name AS claim_window_name, c.status, c.amount_pence "
          + MATCHES
          + " ORDER BY c.reference LIMIT :limit OFFSET :offset")
  @RegisterConstructorMapper(ClaimListRow.class)
  List<ClaimListRow> search(
      @Bind("query") String query,
      @Bind("pattern") String pattern,
      @Bind("status") String status,
      @Bind("windowId") Long windowId,
      @Bind("providerId") Long providerId,
      @Bind("limit") int limit,
      @Bind("offset") int offset);

  @SqlQuery("SELECT count(*) " + MATCHES)
  long count(
      @Bind("query") String query,
      @Bind("pattern") String pattern,
      @Bind("status") String status,
      @Bind("windowId") Long windowId,
      @Bind("providerId") Long providerId);

  @SqlQuery("SELECT id, name FROM providers ORDER BY name, id")
  @RegisterConstructorMapper(ProviderOption.class)
  List<ProviderOption> providers();

  @SqlQuery(
      """
      SELECT c.reference, s.name AS school_name, s.urn AS school_urn,
             s.postcode AS school_postcode, p.name AS provider_name,
             w.name AS claim_window_name, c.status, c.amount_pence, c.clawback_amount_pence,
             c.submitted_at,
             (SELECT count(*) FROM mentor_trainings mt WHERE mt.claim_id = c.id)
               AS mentor_trainings
      FROM claims c
      JOIN schools s ON s.id = c.school_id
      JOIN providers p ON p.id = c.provider_id
      JOIN claim_windows w ON w.id = c.claim_window_id
      WHERE c.reference = :reference
      """)
  @RegisterConstructorMapper(ClaimDetail.Claim.class)
  Optional<ClaimDetail.Claim> find(@Bind("reference") String reference);

  @SqlQuery(
      """
      SELECT se.id AS send_id, se.kind, se.state, se.created_by, se.created_at,
             sc.is_open AS open
      FROM send_claims sc
      JOIN sends se ON se.id = sc.send_id
      JOIN claims c ON c.id = sc.claim_id
      WHERE c.reference = :reference
      ORDER BY se.created_at DESC, se.id
      """)
  @RegisterConstructorMapper(ClaimDetail.ClaimSend.class)
  List<ClaimDetail.ClaimSend> sends(@Bind("reference") String reference);

  /** Submitted claims per window in no open payments send: what a payments send would take. */
  @SqlQuery(
      """
      SELECT count(*) FROM claims c
      WHERE c.claim_window_id = :windowId AND c.status = 'submitted'
        AND NOT EXISTS (SELECT 1 FROM send_claims sc
                        WHERE sc.claim_id = c.id AND sc.kind = 'payments' AND sc.is_open)
      """)
  int paymentsWaiting(@Bind("windowId") long windowId);

  /** Claims with a clawback requested in no open clawbacks send. */
  @SqlQuery(
      """
      SELECT count(*) FROM claims c
      WHERE c.status = 'clawback_requested'
        AND NOT EXISTS (SELECT 1 FROM send_claims sc
                        WHERE sc.claim_id = c.id AND sc.kind = 'clawbacks' AND sc.is_open)
      """)
  int clawbacksWaiting();
}
