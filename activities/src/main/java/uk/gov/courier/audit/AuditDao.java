package uk.gov.courier.audit;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The append-only audit trail. Events with an idempotency key are written at most once, so a
 * retried activity cannot record the same thing twice.
 */
public interface AuditDao {

  @SqlUpdate(
      """
      INSERT INTO audit_events
          (occurred_at, actor, action, send_id, link_id, outcome, detail, idempotency_key)
      VALUES (coalesce(CAST(:occurredAt AS timestamptz), now()), :actor, :action, :sendId, :linkId, :outcome,
              CAST(:detailJson AS jsonb), :idempotencyKey)
      ON CONFLICT (idempotency_key) DO NOTHING
      """)
  int insert(@BindMethods AuditEvent event);
}
