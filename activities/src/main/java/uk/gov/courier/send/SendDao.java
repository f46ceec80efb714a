package uk.gov.courier.send;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The sends table. The workflow's record activities keep each row in step with its workflow, so the
 * console and the API read sends here without asking Temporal.
 */
@RegisterConstructorMapper(SendRow.class)
public interface SendDao {

  String SELECT =
      """
      SELECT s.id, s.kind, s.state, s.workflow_id, s.claim_window_id,
             w.name AS claim_window_name, s.created_by, s.created_at,
             s.confirmed_by, s.confirmed_at, s.cancelled_by, s.cancelled_at, s.cancel_reason,
             s.failure_step, s.failure_type, s.failure_message, s.failed_at,
             s.failure_retry_deadline, s.blob_name, s.filename, s.row_count, s.byte_count,
             s.sha256, s.exported_at, s.completed_at,
             (SELECT count(*) FROM send_claims sc WHERE sc.send_id = s.id) AS claim_count,
             array(SELECT r.email_address FROM send_recipients r
                   WHERE r.send_id = s.id ORDER BY r.position) AS recipients
      FROM sends s LEFT JOIN claim_windows w ON w.id = s.claim_window_id
      """;

  @SqlUpdate(
      """
      INSERT INTO sends (id, kind, state, workflow_id, claim_window_id, created_by)
      VALUES (:id, :kind, 'awaiting_confirmation', :workflowId, :claimWindowId, :createdBy)
      """)
  void insert(
      @Bind("id") UUID id,
      @Bind("kind") String kind,
      @Bind("workflowId") String workflowId,
      @Bind("claimWindowId") Long claimWindowId,
      @Bind("createdBy") String createdBy);

  @SqlQuery(SELECT + " WHERE s.id = :id")
  Optional<SendRow> find(@Bind("id") UUID id);

  /** Newest first; a null state or kind matches every send. */
  @SqlQuery(
      SELECT
          + """
          WHERE (CAST(:state AS text) IS NULL OR s.state = :state)
            AND (CAST(:kind AS text) IS NULL OR s.kind = :kind)
          ORDER BY s.created_at DESC, s.id
          LIMIT :limit
          """)
  List<SendRow> list(
      @Bind("state") String state, @Bind("kind") String kind, @Bind("limit") int limit);

  /** Sends in any of {@code states}, newest first. */
  @SqlQuery(
      SELECT
          + """
          WHERE s.state = ANY(:states)
          ORDER BY s.created_at DESC, s.id
          LIMIT :limit
          """)
  List<SendRow> listInStates(@Bind("states") String[] states, @Bind("limit") int limit);

  /** Removes a send that never started; its claims and recipients must be removed first. */
  @SqlUpdate("DELETE FROM sends WHERE id = :id")
  int delete(@Bind("id") UUID id);

  // ---- kept in step by the record activities ----

  @SqlUpdate(
      """
      UPDATE sends SET state = :state, updated_at = now()
      WHERE id = :id
      """)
  int setState(@Bind("id") UUID id, @Bind("state") String state);

  @SqlUpdate(
      """
      UPDATE sends SET state = 'processing', confirmed_by = :by, confirmed_at = :at,
                       updated_at = now()
      WHERE id = :id
      """)
  int confirmed(@Bind("id") UUID id, @Bind("by") String by, @Bind("at") Instant at);

  @SqlUpdate(
      """
      UPDATE sends SET state = 'cancelled', cancelled_by = :by, cancel_reason = :reason,
                       cancelled_at = :at, completed_at = :at, updated_at = now()
      WHERE id = :id
      """)
  int cancelled(
      @Bind("id") UUID id,
      @Bind("by") String by,
      @Bind("reason") String reason,
      @Bind("at") Instant at);

  @SqlUpdate(
      """
      UPDATE sends SET state = :state, completed_at = :at, updated_at = now()
      WHERE id = :id
      """)
  int closed(@Bind("id") UUID id, @Bind("state") String state, @Bind("at") Instant at);

  @SqlUpdate(
      """
      UPDATE sends SET state = 'failed', failure_step = :step, failure_type = :type,
                       failure_message = :message, failed_at = :failedAt,
                       failure_retry_deadline = :retryDeadline, updated_at = now()
      WHERE id = :id
      """)
  int failed(
      @Bind("id") UUID id,
      @Bind("step") String step,
      @Bind("type") String type,
      @Bind("message") String message,
      @Bind("failedAt") Instant failedAt,
      @Bind("retryDeadline") Instant retryDeadline);

  @SqlUpdate(
      """
      UPDATE sends SET state = 'processing', failure_step = NULL, failure_type = NULL,
                       failure_message = NULL, failed_at = NULL, failure_retry_deadline = NULL,
                       updated_at = now()
      WHERE id = :id
      """)
  int retried(@Bind("id") UUID id);

  @SqlUpdate(
      """
      UPDATE sends SET blob_name = :blobName, filename = :filename, row_count = :rowCount,
                       byte_count = :byteCount, sha256 = :sha256, exported_at = now(),
                       updated_at = now()
      WHERE id = :id
      """)
  int exported(
      @Bind("id") UUID id,
      @Bind("blobName") String blobName,
      @Bind("filename") String filename,
      @Bind("rowCount") long rowCount,
      @Bind("byteCount") long byteCount,
      @Bind("sha256") String sha256);
}
