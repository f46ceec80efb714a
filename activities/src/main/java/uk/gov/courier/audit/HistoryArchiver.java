package uk.gov.courier.audit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the history of every closed send's workflow (sampling children too) to blob storage and
 * records the blob on the send, before Temporal's retention deletes it. Runs outside the workflow,
 * so workflow code and its recorded histories do not change. Any number of instances may run: each
 * pass claims sends with {@code FOR UPDATE SKIP LOCKED}; a send whose history cannot be read yet
 * (Temporal down, workflow still closing) is tried again after {@code retryAfter}.
 */
public final class HistoryArchiver {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryArchiver.class);
  private static final int BATCH = 20;

  private final Jdbi jdbi;
  private final WorkflowHistories histories;
  private final Duration interval;
  private final Duration retryAfter;
  private ScheduledExecutorService executor;

  private record Pending(UUID id, String workflowId) {}

  public HistoryArchiver(
      Jdbi jdbi, WorkflowHistories histories, Duration interval, Duration retryAfter) {
    this.jdbi = jdbi;
    this.histories = histories;
    this.interval = interval;
    this.retryAfter = retryAfter;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "history-archiver");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::runSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
      executor = null;
    }
  }

  private void runSafely() {
    try {
      archivePending();
    } catch (RuntimeException e) {
      LOG.warn("History archiver pass failed; will try again: {}", e.toString());
    }
  }

  /** One pass: archives what it can of up to one batch of closed sends. Returns how many. */
  public int archivePending() {
    return jdbi.inTransaction(
        h -> {
          List<Pending> pending =
              h.createQuery(
                      """
                      SELECT id, workflow_id FROM sends
                      WHERE history_blob_name IS NULL
                        AND state IN ('completed', 'cancelled', 'unconfirmed', 'failed')
                        AND (history_archive_attempted_at IS NULL
                             OR history_archive_attempted_at < now() - CAST(:retry AS interval))
                      ORDER BY updated_at
                      LIMIT :batch
                      FOR UPDATE SKIP LOCKED
                      """)
                  .bind("retry", retryAfter.toMillis() + " milliseconds")
                  .bind("batch", BATCH)
                  .map(
                      (rs, ctx) ->
                          new Pending((UUID) rs.getObject("id"), rs.getString("workflow_id")))
                  .list();
          int archived = 0;
          for (Pending send : pending) {
            String blob = WorkflowHistories.blobName(send.workflowId());
            try {
              String json = histories.fromTemporal(send.workflowId());
              if (!WorkflowHistories.isClosed(json)) {
                // a failed send whose workflow still waits, or one closing now: later
                h.createUpdate(
                        "UPDATE sends SET history_archive_attempted_at = now() WHERE id = :id")
                    .bind("id", send.id())
                    .execute();
                continue;
              }
              histories.archive(blob, json);
              h.createUpdate(
                      """
                      UPDATE sends SET history_blob_name = :blob, history_archived_at = now(),
                                       history_archive_attempted_at = now()
                      WHERE id = :id
                      """)
                  .bind("blob", blob)
                  .bind("id", send.id())
                  .execute();
              archived++;
              LOG.info("Archived the workflow history of send {} to {}", send.id(), blob);
            } catch (RuntimeException e) {
              LOG.warn(
                  "Could not archive the workflow history of send {} yet: {}",
                  send.id(),
                  e.toString());
              h.createUpdate("UPDATE sends SET history_archive_attempted_at = now() WHERE id = :id")
                  .bind("id", send.id())
                  .execute();
            }
          }
          return archived;
        });
  }
}
