package uk.gov.courier.send;

import java.util.List;
import java.util.Map;
import uk.gov.courier.links.LinkRow;
import uk.gov.courier.workflows.send.SendState;
import uk.gov.courier.workflows.send.SendStatus;

/** Builds the views the API and the console show from database rows. */
final class SendViews {

  /** How far along a send is; a state never goes back to a lower rank. */
  private static final Map<SendState, Integer> PROGRESS =
      Map.of(
          SendState.AWAITING_CONFIRMATION, 0,
          SendState.PROCESSING, 1,
          SendState.FAILED, 1,
          SendState.LINKS_LIVE, 2,
          SendState.CANCELLED, 3,
          SendState.UNCONFIRMED, 3,
          SendState.COMPLETED, 3);

  private SendViews() {}

  static SendView view(SendRow row, List<LinkRow> links) {
    FileView file =
        row.exportedAt() == null
            ? null
            : new FileView(
                row.filename(),
                row.rowCount() == null ? 0 : row.rowCount(),
                row.byteCount() == null ? 0 : row.byteCount(),
                row.sha256(),
                row.exportedAt());
    FailureView failure =
        row.failureType() == null
            ? null
            : new FailureView(
                row.failureStep(),
                row.failureType(),
                row.failureMessage(),
                row.failedAt(),
                row.failureRetryDeadline());
    return new SendView(
        row.id(),
        row.kind(),
        row.state(),
        row.claimWindowId(),
        row.claimWindowName(),
        row.claimCount(),
        row.recipients(),
        row.createdBy(),
        row.createdAt(),
        row.confirmedBy(),
        row.confirmedAt(),
        row.cancelledBy(),
        row.cancelledAt(),
        row.cancelReason(),
        row.completedAt(),
        file,
        failure,
        links.stream().map(SendViews::link).toList(),
        row.workflowId());
  }

  /**
   * The view with what an Update just reported, where the database has not caught up yet: the state
   * when the Update's is further along (or as far, since it is the newer), and who confirmed or
   * cancelled.
   */
  static SendView withStatus(SendView view, SendStatus status) {
    if (status == null || status.state() == null) {
      return view;
    }
    SendState stored = SendState.fromCode(view.state());
    boolean newer = PROGRESS.get(status.state()) >= PROGRESS.get(stored);
    String state = newer ? status.state().code() : view.state();
    FailureView failure = SendState.FAILED.code().equals(state) ? view.failure() : null;
    return new SendView(
        view.id(),
        view.kind(),
        state,
        view.claimWindowId(),
        view.claimWindowName(),
        view.claimCount(),
        view.recipients(),
        view.createdBy(),
        view.createdAt(),
        view.confirmedBy() != null ? view.confirmedBy() : status.confirmedBy(),
        view.confirmedAt() != null ? view.confirmedAt() : status.confirmedAt(),
        view.cancelledBy() != null ? view.cancelledBy() : status.cancelledBy(),
        view.cancelledAt() != null ? view.cancelledAt() : status.cancelledAt(),
        view.cancelReason() != null ? view.cancelReason() : status.cancelReason(),
        view.completedAt(),
        view.file(),
        failure,
        view.links(),
        view.workflowId());
  }

  static LinkView link(LinkRow link) {
    return new LinkView(
        link.id(),
        link.emailAddress(),
        link.state(),
        link.createdAt(),
        link.expiresAt(),
        link.emailedAt(),
        link.notifyId() == null ? null : link.notifyId().toString(),
        link.usedAt(),
        link.usedFrom(),
        link.revokedAt(),
        link.revokedReason(),
        link.replacesLinkId());
  }
}
