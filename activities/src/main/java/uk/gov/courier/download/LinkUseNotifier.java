package uk.gov.courier.download;

import io.grpc.Context;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.workflows.send.LinkUsed;
import uk.gov.courier.workflows.send.SendWorkflowContract;

/**
 * Tells each send's workflow when one of its links was used, after the database has recorded the
 * use (DESIGN.md: "the database records the use first; telling the workflow follows, retried until
 * it lands").
 *
 * <p>A finished download asks for a signal at once ({@link #signalSoon}); a sweep every few seconds
 * signals whatever is still unsignalled ({@code links.delivered_at} set, {@code use_signalled_at}
 * not), so a Temporal outage or a crash only delays the news. Rows are taken with {@code FOR UPDATE
 * SKIP LOCKED}, so any number of web instances sweep together without signalling twice (and the
 * {@code linkUsed} signal is idempotent if they ever did). A workflow that is no longer running
 * (finished, or never started) cannot be told; the link is marked so and left alone.
 *
 * <p>The sweep also gives back links whose download was left in flight by a process that stopped
 * mid-stream: used longer ago than {@link #ABANDONED_AFTER} and never delivered.
 */
public final class LinkUseNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(LinkUseNotifier.class);

  public static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

  /** Longer than {@link DownloadService#MAX_STREAM}, so a live stream is never taken for dead. */
  public static final Duration ABANDONED_AFTER = DownloadService.MAX_STREAM.multipliedBy(2);

  static final String SIGNALLED = "signalled";
  static final String NO_RUNNING_WORKFLOW = "no_running_workflow";

  private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);
  private static final int BATCH = 50;

  /** gRPC deadlines need a scheduler. */
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "link-use-signal-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final Duration sweepEvery;
  private ScheduledExecutorService executor;

  public LinkUseNotifier(Jdbi jdbi, WorkflowClient temporal) {
    this(jdbi, temporal, SWEEP_EVERY);
  }

  LinkUseNotifier(Jdbi jdbi, WorkflowClient temporal, Duration sweepEvery) {
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.sweepEvery = sweepEvery;
  }

  /** Starts sweeping. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "link-use-notifier");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::sweepQuietly, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops sweeping; anything unsignalled is left for the next sweep, by any instance. */
  public synchronized void stop() throws InterruptedException {
    if (executor != null) {
      executor.shutdownNow();
      executor.awaitTermination(10, TimeUnit.SECONDS);
      executor = null;
    }
  }

  /** Signals the use of {@code linkId} soon, off the caller's thread; the sweep is the backstop. */
  public synchronized void signalSoon(UUID linkId) {
    if (executor == null) {
      return;
    }
    try {
      executor.execute(() -> signalQuietly(linkId));
    } catch (RejectedExecutionException stopping) {
      // stopping: the next sweep, by any instance, signals it
    }
  }

  /**
   * Gives back abandoned downloads, then signals every delivered use not yet signalled. Returns how
   * many links were settled (signalled, or found to have no running workflow).
   */
  public int sweep() {
    releaseAbandoned();
    int settled = 0;
    while (true) {
      Batch batch = signalBatch(null);
      settled += batch.settled();
      if (batch.stoppedEarly() || batch.taken() < BATCH) {
        return settled;
      }
    }
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("Link use sweep failed; the next one will try again: {}", e.getMessage());
    }
  }

  private void signalQuietly(UUID linkId) {
    try {
      signalBatch(linkId);
    } catch (RuntimeException e) {
      LOG.warn(
          "Link {}: signalling its use failed; the sweep will retry: {}", linkId, e.getMessage());
    }
  }

  private record Batch(int taken, int settled, boolean stoppedEarly) {}

  /**
   * In one transaction: locks up to {@link #BATCH} unsignalled uses (or just {@code onlyLinkId}'s),
   * signals each and marks it. Stops at the first failure that says Temporal is not answering.
   */
  private Batch signalBatch(UUID onlyLinkId) {
    return jdbi.inTransaction(
        handle -> {
          DownloadDao dao = handle.attach(DownloadDao.class);
          List<PendingUse> uses = dao.lockUnsignalledUses(onlyLinkId, BATCH);
          int settled = 0;
          for (PendingUse use : uses) {
            Optional<String> result = signal(use);
            if (result.isEmpty()) {
              return new Batch(uses.size(), settled, true);
            }
            dao.markSignalled(use.id(), result.get());
            settled++;
          }
          return new Batch(uses.size(), settled, false);
        });
  }

  /** {@code signalled}, {@code no_running_workflow}, or empty when Temporal did not answer. */
  private Optional<String> signal(PendingUse use) {
    String workflowId = SendWorkflowContract.workflowId(use.sendId());
    Context.CancellableContext deadline =
        Context.current()
            .withDeadlineAfter(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
    try {
      deadline.run(
          () ->
              temporal
                  .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                  .signal(SendWorkflowContract.LINK_USED, new LinkUsed(use.id(), use.usedAt())));
      LOG.info("Link {}: send {}'s workflow told of its use", use.id(), use.sendId());
      return Optional.of(SIGNALLED);
    } catch (WorkflowNotFoundException e) {
      LOG.info(
          "Link {}: send {} has no running workflow to tell of the use; recorded in the database"
              + " only",
          use.id(),
          use.sendId());
      return Optional.of(NO_RUNNING_WORKFLOW);
    } catch (RuntimeException e) {
      LOG.warn(
          "Link {}: could not tell send {}'s workflow of the use yet; will retry: {}",
          use.id(),
          use.sendId(),
          e.getMessage());
      return Optional.empty();
    } finally {
      deadline.cancel(null);
    }
  }

  private void releaseAbandoned() {
    jdbi.useTransaction(
        handle -> {
          DownloadDao dao = handle.attach(DownloadDao.class);
          for (PendingUse left : dao.lockAbandonedDownloads(ABANDONED_AFTER.toSeconds(), BATCH)) {
            Optional<Boolean> released = dao.release(left.id(), left.usedAt());
            dao.abandonAttempts(left.id());
            dao.audit(
                SendWorkflowContract.SYSTEM_ACTOR,
                "link.stream_abandoned",
                left.sendId(),
                left.id(),
                "failed",
                "download_never_finished",
                null,
                null,
                released.orElse(null),
                null,
                null,
                null);
            LOG.warn(
                "Link {}: its download started at {} never finished; the link was {}",
                left.id(),
                left.usedAt(),
                released.orElse(false) ? "given back" : "revoked");
          }
        });
  }
}
