package uk.gov.courier.send;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterator;
import uk.gov.courier.audit.AuditDao;
import uk.gov.courier.claims.ClaimService;
import uk.gov.courier.claims.ClaimStatuses;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.export.CsvFiles;
import uk.gov.courier.export.ExportLayout;
import uk.gov.courier.export.ExportLayouts;
import uk.gov.courier.links.LinkDao;
import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendState;

/**
 * The console's reads of sends, from PostgreSQL only (so they answer while Temporal is down): the
 * dashboard, a send with its timeline, and the "check your answers" view of a send awaiting
 * confirmation with the first rows of its file made by the export's own layout and CSV writer.
 */
public final class SendDetailService {

  /** How many rows the confirmation page previews. */
  public static final int PREVIEW_ROWS = 10;

  private static final int DASHBOARD_LIMIT = 20;
  private static final int RECENT_LIMIT = 10;

  private final Jdbi jdbi;
  private final SendSettings settings;
  private final ClaimService claims;

  public SendDetailService(Jdbi jdbi, SendSettings settings, ClaimService claims) {
    this.jdbi = jdbi;
    this.settings = settings;
    this.claims = claims;
  }

  public Dashboard dashboard() {
    List<SendView> awaiting = inStates(DASHBOARD_LIMIT, SendState.AWAITING_CONFIRMATION);
    List<SendView> inProgress =
        inStates(DASHBOARD_LIMIT, SendState.PROCESSING, SendState.FAILED, SendState.LINKS_LIVE);
    List<SendView> recent =
        inStates(RECENT_LIMIT, SendState.COMPLETED, SendState.CANCELLED, SendState.UNCONFIRMED);
    return new Dashboard(awaiting, inProgress, recent, claims.waiting());
  }

  /** One send with its links and timeline; NOT_FOUND when there is none. */
  public SendDetail detail(UUID sendId) {
    return jdbi.withHandle(
        handle -> {
          SendRow row =
              handle.attach(SendDao.class).find(sendId).orElseThrow(SendDetailService::notFound);
          return new SendDetail(
              SendViews.view(row, handle.attach(LinkDao.class).forSend(sendId)),
              handle.attach(AuditDao.class).forSend(sendId));
        });
  }

  /**
   * The send as it stands, the first {@link #PREVIEW_ROWS} rows of its file, and what confirming
   * does. Works for any send of a kind Courier can export, sampling sends included; the page
   * decides what to offer.
   */
  public SendCheck checkYourAnswers(UUID sendId) {
    SendDetail detail = detail(sendId);
    SendKind kind = SendKind.fromCode(detail.send().kind());
    // A sampling send previews its first rows with the provider files' own layout (one row per
    // mentor training, no TRN and no money), across its providers.
    ClaimStatuses statuses = ClaimStatuses.of(kind);
    return new SendCheck(
        detail.send(),
        preview(sendId, ExportLayouts.forKind(kind)),
        settings.linkLifetime(),
        settings.requireSecondPerson(),
        statuses.selected(),
        statuses.sent());
  }

  private <R> CsvPreview preview(UUID sendId, ExportLayout<R> layout) {
    List<R> first = new ArrayList<>();
    jdbi.useTransaction(
        handle -> {
          try (ResultIterator<R> rows = layout.rows().open(handle, sendId)) {
            while (rows.hasNext() && first.size() < PREVIEW_ROWS) {
              first.add(rows.next());
            }
          }
        });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      CsvFiles.write(out, layout, first.iterator(), rows -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    String text =
        new String(
            bytes, CsvFiles.BOM.length, bytes.length - CsvFiles.BOM.length, StandardCharsets.UTF_8);
    List<List<String>> cells = first.stream().map(row -> Arrays.asList(layout.cells(row))).toList();
    return new CsvPreview(layout.headers(), cells, text);
  }

  private List<SendView> inStates(int limit, SendState... states) {
    String[] codes = Arrays.stream(states).map(SendState::code).toArray(String[]::new);
    return jdbi.withExtension(SendDao.class, sends -> sends.listInStates(codes, limit)).stream()
        .map(row -> SendViews.view(row, List.of()))
        .toList();
  }

  private static CourierException notFound() {
    return CourierException.notFound("There is no send with that ID");
  }
}
