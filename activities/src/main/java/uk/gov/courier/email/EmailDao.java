package uk.gov.courier.email;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads what a link's email needs in one query. */
@RegisterConstructorMapper(LinkEmail.class)
public interface EmailDao {

  @SqlQuery(
      """
      SELECT l.id AS link_id, l.send_id, s.kind, l.email_address, l.recipient_index,
             (SELECT count(*) FROM send_recipients r WHERE r.send_id = s.id) AS recipient_count,
             l.expires_at, l.notify_id, l.emailed_at, l.email_attempted_at,
             s.row_count, w.name AS claim_window_name, s.created_at AS send_created_at,
             p.name AS provider_name,
             (SELECT min(f.created_at) FROM links f WHERE f.send_id = s.id) AS first_link_at
      FROM links l
      JOIN sends s ON s.id = l.send_id
      LEFT JOIN claim_windows w ON w.id = s.claim_window_id
      LEFT JOIN providers p ON p.id = s.provider_id
      WHERE l.id = :linkId
      """)
  Optional<LinkEmail> find(@Bind("linkId") UUID linkId);
}
