package uk.gov.courier.export;

import java.util.UUID;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The rows of exported files, read with a server-side cursor: PostgreSQL sends {@link #FETCH_SIZE}
 * rows at a time, so memory stays flat however many claims a send holds. Call inside a transaction
 * (the driver only uses a cursor when autocommit is off) and close the iterator.
 *
 * <p>Each kind of file is one query here returning its own row record, plus one layout in {@link
 * ExportLayouts}.
 */
@RegisterConstructorMapper(ClaimRow.class)
public interface ExportDao {

  int FETCH_SIZE = 1_000;

  /** The send's claims with their schools, by claim reference. */
  @SqlQuery(
      """
      SELECT c.reference AS claim_reference,
             s.urn AS school_urn,
             s.name AS school_name,
             s.type_of_establishment AS school_type_of_establishment,
             s.school_group AS school_group,
             c.amount_pence AS claim_amount_pence,
             c.clawback_amount_pence AS clawback_amount_pence
      FROM send_claims sc
      JOIN claims c ON c.id = sc.claim_id
      JOIN schools s ON s.id = c.school_id
      WHERE sc.send_id = :sendId
      ORDER BY c.reference
      """)
  @FetchSize(FETCH_SIZE)
  ResultIterator<ClaimRow> claimRows(@Bind("sendId") UUID sendId);

  /**
   * One row per mentor training of the send's sampled claims, with the reason each claim was
   * sampled, by claim reference and then mentor. Selects no TRN and no amount.
   */
  @SqlQuery(
      """
      SELECT c.reference AS claim_reference,
             coalesce(sc.sample_reason, '') AS sample_reason,
             s.name AS school_name,
             s.urn AS school_urn,
             s.postcode AS school_postcode,
             m.first_name AS mentor_first_name,
             m.last_name AS mentor_last_name,
             mt.hours_of_training AS mentor_hours_of_training
      FROM send_claims sc
      JOIN claims c ON c.id = sc.claim_id
      JOIN schools s ON s.id = c.school_id
      JOIN mentor_trainings mt ON mt.claim_id = c.id
      JOIN mentors m ON m.id = mt.mentor_id
      WHERE sc.send_id = :sendId
      ORDER BY c.reference, m.last_name, m.first_name, mt.id
      """)
  @FetchSize(FETCH_SIZE)
  @RegisterConstructorMapper(SamplingRow.class)
  ResultIterator<SamplingRow> samplingRows(@Bind("sendId") UUID sendId);
}
