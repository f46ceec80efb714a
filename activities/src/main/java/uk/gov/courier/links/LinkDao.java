package uk.gov.courier.links;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The links table. A link changes state only by conditional UPDATE, and the partial unique index
 * {@code one_live_link_per_address} keeps one live link per address of a send.
 */
@RegisterConstructorMapper(LinkRow.class)
public interface LinkDao {

  String SELECT =
      """
      SELECT l.id, l.send_id, l.email_address, l.recipient_index,
             CASE
               WHEN l.used_at IS NOT NULL THEN 'used'
               WHEN l.expires_at <= coalesce(l.revoked_at, now()) THEN 'expired'
               WHEN l.revoked_at IS NOT NULL THEN 'revoked'
               WHEN l.notify_id IS NULL THEN 'not_emailed'
               ELSE 'live'
             END AS state,
             l.created_at, l.expires_at, l.email_attempted_at, l.emailed_at, l.notify_id,
             l.email_error, l.used_at, l.used_from, l.revoked_at, l.revoked_reason,
             l.replaces_link_id
      FROM links l
      """;

  @SqlQuery(SELECT + " WHERE l.id = :id")
  Optional<LinkRow> find(@Bind("id") UUID id);

  /** Every link of the send, by recipient, oldest first. */
  @SqlQuery(SELECT + " WHERE l.send_id = :sendId ORDER BY l.recipient_index, l.created_at, l.id")
  List<LinkRow> forSend(@Bind("sendId") UUID sendId);

  /** Makes a link unless the address already has a live one in this send; 1 if it made it. */
  @SqlUpdate(
      """
      INSERT INTO links (id, send_id, email_address, recipient_index, token_sha256, expires_at,
                         replaces_link_id)
      VALUES (:id, :sendId, :emailAddress, :recipientIndex, :tokenSha256, :expiresAt,
              :replacesLinkId)
      ON CONFLICT (send_id, lower(email_address)) WHERE used_at IS NULL AND revoked_at IS NULL
      DO NOTHING
      """)
  int insert(
      @Bind("id") UUID id,
      @Bind("sendId") UUID sendId,
      @Bind("emailAddress") String emailAddress,
      @Bind("recipientIndex") int recipientIndex,
      @Bind("tokenSha256") byte[] tokenSha256,
      @Bind("expiresAt") Instant expiresAt,
      @Bind("replacesLinkId") UUID replacesLinkId);

  /** Gives a live link that has not been emailed a new expiry. */
  @SqlUpdate(
      """
      UPDATE links SET expires_at = :expiresAt
      WHERE id = :id AND notify_id IS NULL AND used_at IS NULL AND revoked_at IS NULL
      """)
  int extendUnemailed(@Bind("id") UUID id, @Bind("expiresAt") Instant expiresAt);

  /** Revokes a link unless it has been used or revoked already; 1 if it revoked it. */
  @SqlUpdate(
      """
      UPDATE links SET revoked_at = :at, revoked_reason = :reason
      WHERE id = :id AND send_id = :sendId AND used_at IS NULL AND revoked_at IS NULL
      """)
  int revoke(
      @Bind("id") UUID id,
      @Bind("sendId") UUID sendId,
      @Bind("at") Instant at,
      @Bind("reason") String reason);

  /** Notes that Notify is about to be asked to send the link's email (the first time only). */
  @SqlUpdate(
      """
      UPDATE links SET email_attempted_at = coalesce(email_attempted_at, now())
      WHERE id = :id
      """)
  int markEmailAttempt(@Bind("id") UUID id);

  /** Records the Notify notification that carried the link; keeps the first one recorded. */
  @SqlUpdate(
      """
      UPDATE links SET notify_id = :notifyId,
                       emailed_at = coalesce(CAST(:emailedAt AS timestamptz), now()),
                       email_error = NULL
      WHERE id = :id AND notify_id IS NULL
      """)
  int recordEmailed(
      @Bind("id") UUID id, @Bind("notifyId") UUID notifyId, @Bind("emailedAt") Instant emailedAt);

  @SqlUpdate("UPDATE links SET email_error = :error WHERE id = :id AND notify_id IS NULL")
  int recordEmailError(@Bind("id") UUID id, @Bind("error") String error);
}
