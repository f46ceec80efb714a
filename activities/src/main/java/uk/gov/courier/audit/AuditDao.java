package uk.gov.courier.audit;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
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

  /** An event from a person's request, with where it came from. */
  @SqlUpdate(
      """
      INSERT INTO audit_events
          (occurred_at, actor, action, send_id, link_id, outcome, detail, idempotency_key,
           client_address, user_agent)
      VALUES (coalesce(CAST(:occurredAt AS timestamptz), now()), :actor, :action, :sendId, :linkId, :outcome,
              CAST(:detailJson AS jsonb), :idempotencyKey, :clientAddress, :userAgent)
      ON CONFLICT (idempotency_key) DO NOTHING
      """)
  int insertFrom(
      @BindMethods AuditEvent event,
      @Bind("clientAddress") String clientAddress,
      @Bind("userAgent") String userAgent);

  /** Everything recorded about a send, oldest first. */
  @SqlQuery(
      """
      SELECT id, occurred_at, actor, action, link_id, outcome, CAST(detail AS text) AS detail_json,
             client_address
      FROM audit_events
      WHERE send_id = :sendId
      ORDER BY occurred_at, id
      """)
  @RegisterConstructorMapper(AuditEntry.class)
  List<AuditEntry> forSend(@Bind("sendId") UUID sendId);
}
