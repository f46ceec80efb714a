package uk.gov.courier.workflows.send;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** Turns a send's frozen claims into its file in the blob store. */
@ActivityInterface
public interface ExportActivities {

  /**
   * Streams the send's frozen claims (the kind's columns, header first) into the private blob
   * container under a name fixed by the send ID, so a retry overwrites rather than duplicates.
   * Stores the result on the send's row and returns it.
   *
   * <p>Heartbeats at least every 30 seconds (e.g. every thousand rows): {@link
   * SendActivityOptions#EXPORT} has a heartbeat timeout.
   *
   * <p>Failures: {@code NO_CLAIMS}, {@code EXPORT_FAILED}, {@code BLOB_STORE_REJECTED} are
   * permanent; {@code BLOB_STORE_UNAVAILABLE}, {@code DATABASE_UNAVAILABLE} are retried.
   */
  ExportResult exportClaims(UUID sendId);
}
