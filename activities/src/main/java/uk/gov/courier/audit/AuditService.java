package uk.gov.courier.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import uk.gov.courier.export.CsvCells;

/** What auditors read: sends with filters, one send's record and trail, the trail as CSV. */
public final class AuditService {

  /** Dates in filters are days in the UK. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  static final List<String> CSV_HEADERS =
      List.of(
          "id",
          "occurred_at",
          "actor",
          "action",
          "outcome",
          "send_id",
          "link_id",
          "client_address",
          "user_agent",
          "detail");

  private static final String ROW_COLUMNS =
      """
      s.id, s.kind, s.state, s.parent_send_id, s.created_by, s.created_at, s.confirmed_by,
      s.confirmed_at,
      (SELECT count(*) FROM send_claims sc WHERE sc.send_id = s.id) AS claim_count,
      (SELECT string_agg(r.email_address, ', ' ORDER BY r.position)
         FROM send_recipients r WHERE r.send_id = s.id) AS recipients
      """;

  private final Jdbi jdbi;

  public AuditService(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Sends matching the search, newest first, one page of them. */
  public AuditSendPage search(AuditSearch search) {
    StringBuilder where = new StringBuilder(" WHERE true");
    if (search.kind() != null) {
      where.append(" AND s.kind = :kind");
    }
    if (search.state() != null) {
      where.append(" AND s.state = :state");
    }
    if (search.createdFrom() != null) {
      where.append(" AND s.created_at >= :from");
    }
    if (search.createdTo() != null) {
      where.append(" AND s.created_at < :to");
    }
    if (search.recipient() != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM send_recipients r WHERE r.send_id = s.id"
              + " AND lower(r.email_address) LIKE :recipient ESCAPE '!')");
    }
    if (search.person() != null) {
      where.append(
          " AND (lower(s.created_by) LIKE :person ESCAPE '!'"
              + " OR lower(coalesce(s.confirmed_by, '')) LIKE :person ESCAPE '!')");
    }
    return jdbi.withHandle(
        h -> {
          long total =
              bind(h.createQuery("SELECT count(*) FROM sends s" + where), search)
                  .mapTo(Long.class)
                  .one();
          List<AuditSendRow> rows =
              bind(
                      h.createQuery(
                          "SELECT "
                              + ROW_COLUMNS
                              + " FROM sends s"
                              + where
                              + " ORDER BY s.created_at DESC, s.id LIMIT :limit OFFSET :offset"),
                      search)
                  .bind("limit", AuditSearch.PAGE_SIZE)
                  .bind("offset", (long) (search.page() - 1) * AuditSearch.PAGE_SIZE)
                  .map(ConstructorMapper.of(AuditSendRow.class))
                  .list();
          return new AuditSendPage(rows, total, search);
        });
  }

  private static Query bind(Query query, AuditSearch search) {
    if (search.kind() != null) {
      query.bind("kind", search.kind());
    }
    if (search.state() != null) {
      query.bind("state", search.state());
    }
    if (search.createdFrom() != null) {
      query.bind("from", startOf(search.createdFrom()));
    }
    if (search.createdTo() != null) {
      query.bind("to", startOf(search.createdTo().plusDays(1)));
    }
    if (search.recipient() != null) {
      query.bind("recipient", contains(search.recipient()));
    }
    if (search.person() != null) {
      query.bind("person", contains(search.person()));
    }
    return query;
  }

  private static String contains(String text) {
    String escaped =
        text.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  public static Instant startOf(LocalDate day) {
    return day.atStartOfDay(UK).toInstant();
  }

  /** One send's record and its trail, or empty for an unknown send. */
  public Optional<AuditSendRecord> send(UUID sendId) {
    return jdbi.withHandle(
        h -> {
          Optional<AuditSendRecord.Send> send =
              h.createQuery(
                      """
                      SELECT id, kind, state, workflow_id, parent_send_id, created_by, created_at,
                             confirmed_by, confirmed_at, cancelled_by, cancelled_at, cancel_reason,
                             failure_step, failure_message, failed_at, filename, row_count,
                             byte_count, sha256, exported_at, completed_at, history_blob_name,
                             history_archived_at
                      FROM sends WHERE id = :id
                      """)
                  .bind("id", sendId)
                  .map(ConstructorMapper.of(AuditSendRecord.Send.class))
                  .findOne();
          if (send.isEmpty()) {
            return Optional.empty();
          }
          List<String> recipients =
              h.createQuery(
                      "SELECT email_address FROM send_recipients WHERE send_id = :id"
                          + " ORDER BY position")
                  .bind("id", sendId)
                  .mapTo(String.class)
                  .list();
          List<AuditSendRecord.Link> links =
              h.createQuery(
                      """
                      SELECT id, email_address, created_at, emailed_at, expires_at, used_at,
                             used_from, revoked_at, revoked_reason
                      FROM links WHERE send_id = :id ORDER BY created_at, id
                      """)
                  .bind("id", sendId)
                  .map(ConstructorMapper.of(AuditSendRecord.Link.class))
                  .list();
          List<String> claims =
              h.createQuery(
                      """
                      SELECT c.reference FROM send_claims sc JOIN claims c ON c.id = sc.claim_id
                      WHERE sc.send_id = :id ORDER BY c.reference
                      """)
                  .bind("id", sendId)
                  .mapTo(String.class)
                  .list();
          List<AuditSendRow> children =
              h.createQuery(
                      "SELECT "
                          + ROW_COLUMNS
                          + " FROM sends s WHERE s.parent_send_id = :id ORDER BY s.created_at, s.id")
                  .bind("id", sendId)
                  .map(ConstructorMapper.of(AuditSendRow.class))
                  .list();
          List<AuditEntry> trail = h.attach(AuditDao.class).forSend(sendId);
          return Optional.of(
              new AuditSendRecord(send.get(), recipients, links, claims, children, trail));
        });
  }

  /** Records that someone exported the trail; the export itself is part of the trail. */
  public void recordExport(
      String actor, LocalDate from, LocalDate to, String clientAddress, String userAgent) {
    jdbi.useHandle(
        h ->
            h.attach(AuditDao.class)
                .insertFrom(
                    new AuditEvent(
                        null,
                        actor,
                        "audit.exported",
                        null,
                        null,
                        AuditEvent.OK,
                        Map.of("from", from.toString(), "to", to.toString()),
                        null),
                    clientAddress,
                    userAgent));
  }

  /** Records that someone downloaded a send's raw workflow history. */
  public void recordHistoryDownload(
      String actor, UUID sendId, String source, String clientAddress, String userAgent) {
    jdbi.useHandle(
        h ->
            h.attach(AuditDao.class)
                .insertFrom(
                    AuditEvent.of(
                        actor, "audit.history_downloaded", sendId, Map.of("source", source)),
                    clientAddress,
                    userAgent));
  }

  /**
   * Writes the trail of the days {@code from} to {@code to} (inclusive, UK time) as RFC 4180 CSV,
   * oldest first, streaming rows from PostgreSQL. Text cells are formula-neutralised.
   */
  public void writeCsv(LocalDate from, LocalDate to, Writer out) {
    jdbi.useHandle(
        h -> {
          h.begin();
          try {
            writeLine(out, CSV_HEADERS);
            h.createQuery(
                    """
                    SELECT id, occurred_at, actor, action, outcome, send_id, link_id,
                           client_address, user_agent, CAST(detail AS text) AS detail
                    FROM audit_events
                    WHERE occurred_at >= :from AND occurred_at < :to
                    ORDER BY occurred_at, id
                    """)
                .bind("from", startOf(from))
                .bind("to", startOf(to.plusDays(1)))
                .setFetchSize(500)
                .map(
                    (rs, ctx) -> {
                      List<String> cells = new ArrayList<>(CSV_HEADERS.size());
                      cells.add(Long.toString(rs.getLong("id")));
                      cells.add(
                          rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                              .toInstant()
                              .toString());
                      cells.add(CsvCells.text(rs.getString("actor")));
                      cells.add(CsvCells.text(rs.getString("action")));
                      cells.add(CsvCells.text(rs.getString("outcome")));
                      cells.add(CsvCells.text(rs.getString("send_id")));
                      cells.add(CsvCells.text(rs.getString("link_id")));
                      cells.add(CsvCells.text(rs.getString("client_address")));
                      cells.add(CsvCells.text(rs.getString("user_agent")));
                      cells.add(CsvCells.text(rs.getString("detail")));
                      return cells;
                    })
                .forEach(cells -> writeLine(out, cells));
            out.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            h.rollback();
          }
        });
  }

  private static void writeLine(Writer out, List<String> cells) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(quote(cells.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 4180: a cell holding a comma, quote or line break is quoted, quotes doubled. */
  static String quote(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.indexOf(',') < 0
        && cell.indexOf('"') < 0
        && cell.indexOf('\n') < 0
        && cell.indexOf('\r') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
