package uk.gov.courier.download;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Links as downloads see them, the attempts table, and the download's audit events. A link changes
 * only by conditional UPDATE: {@link #use} takes it (exactly one of any number of simultaneous
 * callers gets a row back), {@link #release} gives it back after a failed stream, {@link
 * #markDelivered} makes the use final.
 */
@RegisterConstructorMapper(DownloadLink.class)
@RegisterConstructorMapper(RetryAt.class)
@RegisterConstructorMapper(PendingUse.class)
public interface DownloadDao {

  String SELECT_LINK =
      """
      SELECT l.id AS link_id, l.send_id, l.email_address,
             CASE
               WHEN l.used_at IS NOT NULL THEN 'used'
               WHEN l.expires_at <= coalesce(l.revoked_at, now()) THEN 'expired'
               WHEN l.revoked_at IS NOT NULL THEN 'revoked'
               ELSE 'live'
             END AS state,
             l.expires_at, l.used_at, coalesce(l.emailed_at, l.created_at) AS sent_at,
             s.kind, s.filename, s.blob_name, s.row_count, s.byte_count, s.sha256,
             s.created_at AS send_created_at, w.name AS claim_window_name,
             p.name AS provider_name
      FROM links l
      JOIN sends s ON s.id = l.send_id
      LEFT JOIN claim_windows w ON w.id = s.claim_window_id
      LEFT JOIN providers p ON p.id = s.provider_id
      """;

  /** The link whose token has this SHA-256; the only way a download finds its link. */
  @SqlQuery(SELECT_LINK + " WHERE l.token_sha256 = :tokenSha256")
  Optional<DownloadLink> findByTokenHash(@Bind("tokenSha256") byte[] tokenSha256);

  @SqlQuery(SELECT_LINK + " WHERE l.id = :id")
  Optional<DownloadLink> find(@Bind("id") UUID id);

  /**
   * Uses the link: the one conditional UPDATE that decides who downloads. Live means unused,
   * unrevoked and unexpired by the database's clock. Returns the time of use to the one caller that
   * won; everyone else gets nothing.
   */
  @SqlQuery(
      """
      UPDATE links SET used_at = clock_timestamp(), used_from = :clientAddress
      WHERE id = :id AND token_sha256 = :tokenSha256
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING used_at
      """)
  Optional<Instant> use(
      @Bind("id") UUID id,
      @Bind("tokenSha256") byte[] tokenSha256,
      @Bind("clientAddress") String clientAddress);

  /**
   * Gives back a link whose download failed before the last byte, if that use is still the link's
   * current one. When the send has ended meanwhile, or a new link went to the same address, the
   * link is revoked instead of coming back to life. Returns true when the link is live again, false
   * when it was revoked, nothing when the use was not this one's to give back.
   */
  @SqlQuery(
      """
      UPDATE links l
      SET used_at = NULL, used_from = NULL,
          revoked_at = CASE WHEN x.keep_closed THEN now() END,
          revoked_reason = CASE WHEN x.keep_closed
                                THEN 'Its download failed after the send ended or a new link was sent'
                           END
      FROM (SELECT s.completed_at IS NOT NULL
                   OR EXISTS (SELECT 1 FROM links o
                              WHERE o.send_id = me.send_id AND o.id <> me.id
                                AND lower(o.email_address) = lower(me.email_address)
                                AND o.used_at IS NULL AND o.revoked_at IS NULL) AS keep_closed
            FROM links me JOIN sends s ON s.id = me.send_id
            WHERE me.id = :id) x
      WHERE l.id = :id AND l.used_at = CAST(:usedAt AS timestamptz) AND l.delivered_at IS NULL
      RETURNING NOT x.keep_closed
      """)
  Optional<Boolean> release(@Bind("id") UUID id, @Bind("usedAt") Instant usedAt);

  /** The last byte went: the use is final. */
  @SqlUpdate(
      """
      UPDATE links SET delivered_at = now()
      WHERE id = :id AND used_at = CAST(:usedAt AS timestamptz) AND delivered_at IS NULL
      """)
  int markDelivered(@Bind("id") UUID id, @Bind("usedAt") Instant usedAt);

  @SqlQuery(
      """
      INSERT INTO download_attempts
          (link_id, method, outcome, counted, client_address, user_agent, request_id)
      VALUES (:linkId, :method, :outcome, :counted, :clientAddress, :userAgent, :requestId)
      RETURNING id
      """)
  long recordAttempt(
      @Bind("linkId") UUID linkId,
      @Bind("method") String method,
      @Bind("outcome") String outcome,
      @Bind("counted") boolean counted,
      @Bind("clientAddress") String clientAddress,
      @Bind("userAgent") String userAgent,
      @Bind("requestId") String requestId);

  /** Settles a streaming attempt as downloaded, failed or abandoned. */
  @SqlUpdate(
      """
      UPDATE download_attempts
      SET outcome = :outcome, finished_at = now(), bytes_sent = :bytesSent
      WHERE id = :id AND outcome = 'streaming'
      """)
  int finishAttempt(
      @Bind("id") long id, @Bind("outcome") String outcome, @Bind("bytesSent") Long bytesSent);

  @SqlUpdate(
      """
      UPDATE download_attempts
      SET outcome = 'stream_abandoned', finished_at = now()
      WHERE link_id = :linkId AND outcome = 'streaming'
      """)
  int abandonAttempts(@Bind("linkId") UUID linkId);

  /**
   * When the client may try again, if it has used up {@code attempts} counted attempts in the last
   * {@code windowSeconds}: the moment the oldest of its latest {@code attempts} leaves the window.
   */
  @SqlQuery(
      """
      SELECT occurred_at + CAST(:windowSeconds AS integer) * interval '1 second' AS at,
             greatest(1, ceil(extract(epoch FROM occurred_at
                 + CAST(:windowSeconds AS integer) * interval '1 second' - now())))::bigint AS seconds
      FROM download_attempts
      WHERE client_address = :clientAddress AND counted
        AND occurred_at > now() - CAST(:windowSeconds AS integer) * interval '1 second'
      ORDER BY occurred_at DESC
      OFFSET CAST(:attempts AS integer) - 1 LIMIT 1
      """)
  Optional<RetryAt> clientRetryAt(
      @Bind("clientAddress") String clientAddress,
      @Bind("attempts") int attempts,
      @Bind("windowSeconds") long windowSeconds);

  /** As {@link #clientRetryAt}, for counted attempts on one link from anywhere. */
  @SqlQuery(
      """
      SELECT occurred_at + CAST(:windowSeconds AS integer) * interval '1 second' AS at,
             greatest(1, ceil(extract(epoch FROM occurred_at
                 + CAST(:windowSeconds AS integer) * interval '1 second' - now())))::bigint AS seconds
      FROM download_attempts
      WHERE link_id = :linkId AND counted
        AND occurred_at > now() - CAST(:windowSeconds AS integer) * interval '1 second'
      ORDER BY occurred_at DESC
      OFFSET CAST(:attempts AS integer) - 1 LIMIT 1
      """)
  Optional<RetryAt> linkRetryAt(
      @Bind("linkId") UUID linkId,
      @Bind("attempts") int attempts,
      @Bind("windowSeconds") long windowSeconds);

  @SqlQuery(
      """
      SELECT count(*) FROM download_attempts
      WHERE link_id = :linkId AND counted
        AND occurred_at > now() - CAST(:windowSeconds AS integer) * interval '1 second'
      """)
  int linkFailures(@Bind("linkId") UUID linkId, @Bind("windowSeconds") long windowSeconds);

  @SqlQuery(
      """
      SELECT count(*) FROM download_attempts
      WHERE client_address = :clientAddress AND counted
        AND occurred_at > now() - CAST(:windowSeconds AS integer) * interval '1 second'
      """)
  int clientFailures(
      @Bind("clientAddress") String clientAddress, @Bind("windowSeconds") long windowSeconds);

  /**
   * Appends a download event to the audit trail, with where it came from. {@code detail} holds only
   * the non-null values given: a reason, the attempt, bytes sent, whether the link came back.
   */
  @SqlUpdate(
      """
      INSERT INTO audit_events
          (actor, action, send_id, link_id, outcome, detail, client_address, user_agent)
      VALUES (:actor, :action, :sendId, :linkId, :outcome,
              jsonb_strip_nulls(jsonb_build_object(
                  'reason', CAST(:reason AS text),
                  'attempt_id', CAST(:attemptId AS bigint),
                  'bytes_sent', CAST(:bytesSent AS bigint),
                  'released', CAST(:released AS boolean),
                  'request_id', CAST(:requestId AS text))),
              :clientAddress, :userAgent)
      """)
  int audit(
      @Bind("actor") String actor,
      @Bind("action") String action,
      @Bind("sendId") UUID sendId,
      @Bind("linkId") UUID linkId,
      @Bind("outcome") String outcome,
      @Bind("reason") String reason,
      @Bind("attemptId") Long attemptId,
      @Bind("bytesSent") Long bytesSent,
      @Bind("released") Boolean released,
      @Bind("requestId") String requestId,
      @Bind("clientAddress") String clientAddress,
      @Bind("userAgent") String userAgent);

  /**
   * Delivered uses the workflow has not heard of, oldest first, locked so that several instances
   * sweeping at once each take different rows.
   */
  @SqlQuery(
      """
      SELECT id, send_id, used_at FROM links
      WHERE delivered_at IS NOT NULL AND use_signalled_at IS NULL
        AND (CAST(:id AS uuid) IS NULL OR id = :id)
      ORDER BY delivered_at
      LIMIT :limit
      FOR UPDATE SKIP LOCKED
      """)
  List<PendingUse> lockUnsignalledUses(@Bind("id") UUID id, @Bind("limit") int limit);

  @SqlUpdate(
      """
      UPDATE links SET use_signalled_at = now(), use_signal_result = :result
      WHERE id = :id AND use_signalled_at IS NULL
      """)
  int markSignalled(@Bind("id") UUID id, @Bind("result") String result);

  /**
   * Links used longer ago than {@code olderThanSeconds} whose download never finished or failed:
   * the process streaming them stopped. Locked, as {@link #lockUnsignalledUses}.
   */
  @SqlQuery(
      """
      SELECT id, send_id, used_at FROM links
      WHERE used_at IS NOT NULL AND delivered_at IS NULL
        AND used_at < now() - CAST(:olderThanSeconds AS integer) * interval '1 second'
      ORDER BY used_at
      LIMIT :limit
      FOR UPDATE SKIP LOCKED
      """)
  List<PendingUse> lockAbandonedDownloads(
      @Bind("olderThanSeconds") long olderThanSeconds, @Bind("limit") int limit);
}
