package uk.gov.courier.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.persistence.DatabaseFailures;
import uk.gov.courier.workflows.common.FailureType;

/**
 * Keeps Courier under GOV.UK Notify's rate limit (3,000 messages a minute per API key), however
 * many workers send at once: each email takes the next free slot from one row in PostgreSQL ({@code
 * notify_rate_limits}, a generic cell rate algorithm) and waits for it before calling Notify. Slots
 * are {@code 60 s / (limit × }{@value #SHARE}{@code )} apart, so no rolling minute can hold more
 * than the limit even when calls are delayed a little after their slot, and retries count like any
 * other send. See docs/decisions/0006-sampling-parent-child.md.
 *
 * <p>An email waits at most {@link #MAX_SLOT_AHEAD} for its slot, plus up to {@link
 * #MAX_QUEUE_WAIT} to get one when the next {@link #MAX_SLOT_AHEAD} are all taken (more than about
 * 900 emails queued at the default limit). Past that it fails with {@code NOTIFY_UNAVAILABLE},
 * which the email activity's retry policy retries later, so a send never waits on a worker thread
 * for longer than its activity timeout allows.
 */
public final class NotifyPacer {

  /** GOV.UK Notify's limit for a live API key. */
  public static final int DEFAULT_MESSAGES_PER_MINUTE = 3_000;

  /** The share of the limit Courier uses, leaving room for calls that lag behind their slot. */
  public static final double SHARE = 0.95;

  static final Duration MAX_SLOT_AHEAD = Duration.ofSeconds(20);
  static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(15);
  private static final Duration RETRY_INTERVAL = Duration.ofMillis(250);
  private static final String NAME = "notify";

  private static final Logger LOG = LoggerFactory.getLogger(NotifyPacer.class);

  private final Jdbi jdbi;
  private final int messagesPerMinute;
  private final double spacingSeconds;

  /**
   * @param messagesPerMinute Notify's limit for Courier's API key; 0 turns pacing off
   */
  public NotifyPacer(Jdbi jdbi, int messagesPerMinute) {
    if (messagesPerMinute < 0) {
      throw new IllegalArgumentException("messagesPerMinute must not be negative");
    }
    this.jdbi = jdbi;
    this.messagesPerMinute = messagesPerMinute;
    this.spacingSeconds = messagesPerMinute == 0 ? 0 : 60.0 / (messagesPerMinute * SHARE);
  }

  public int messagesPerMinute() {
    return messagesPerMinute;
  }

  /** The time between two messages' slots. */
  public Duration spacing() {
    return Duration.ofNanos(Math.round(spacingSeconds * 1_000_000_000L));
  }

  /**
   * Takes the next slot and sleeps until it comes; returns when the slot was due (by this process's
   * clock, as near as one database round trip allows). Throws {@code NOTIFY_UNAVAILABLE} (retried
   * later) if no slot can be had soon enough.
   */
  public Instant awaitSlot() {
    if (messagesPerMinute == 0) {
      return Instant.now();
    }
    long giveUpAt = System.nanoTime() + MAX_QUEUE_WAIT.toNanos();
    while (true) {
      Optional<Double> wait =
          DatabaseFailures.guard(
              () ->
                  jdbi.withExtension(
                      Slots.class,
                      slots ->
                          slots.take(NAME, spacingSeconds, MAX_SLOT_AHEAD.toMillis() / 1000.0)));
      if (wait.isPresent()) {
        long waitNanos = Math.round(wait.get() * 1e9);
        Instant due = Instant.now().plusNanos(waitNanos);
        sleep(waitNanos / 1_000_000);
        return due;
      }
      if (System.nanoTime() > giveUpAt) {
        LOG.info("Notify pacing: no slot free within {}; will retry", MAX_SLOT_AHEAD);
        throw FailureType.NOTIFY_UNAVAILABLE.failure(
            "Courier is pacing emails to stay under GOV.UK Notify's limit of "
                + messagesPerMinute
                + " a minute, and this one could not get a place in time. It will be tried again.");
      }
      sleep(RETRY_INTERVAL.toMillis());
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureType.NOTIFY_UNAVAILABLE.failure("Interrupted while waiting to email");
    }
  }

  /** The limiter's one row. */
  public interface Slots {

    /**
     * Takes the next slot unless it is more than {@code maxAheadSeconds} away; returns how many
     * seconds to wait for it, or nothing if every slot that near is taken.
     */
    @SqlQuery(
        """
        INSERT INTO notify_rate_limits AS r (name, next_slot_at)
        VALUES (:name, clock_timestamp() + make_interval(secs => :spacing))
        ON CONFLICT (name) DO UPDATE
          SET next_slot_at =
                greatest(r.next_slot_at, clock_timestamp()) + make_interval(secs => :spacing)
          WHERE r.next_slot_at <= clock_timestamp() + make_interval(secs => :maxAhead)
        RETURNING greatest(
            extract(epoch FROM (next_slot_at - make_interval(secs => :spacing)
                                - clock_timestamp())),
            0)::float8
        """)
    Optional<Double> take(
        @Bind("name") String name,
        @Bind("spacing") double spacingSeconds,
        @Bind("maxAhead") double maxAheadSeconds);
  }
}
