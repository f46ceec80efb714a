package uk.gov.courier.export;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * Tells Temporal a long export is alive: every {@link #EVERY_ROWS} rows, and whenever {@link
 * #EVERY} has passed since the last beat, well inside the export's heartbeat timeout. The SDK
 * throttles what it actually sends, so beating often is cheap.
 */
final class Heartbeat implements LongConsumer {

  static final int EVERY_ROWS = 1_000;
  static final Duration EVERY = Duration.ofSeconds(10);

  private final ActivityExecutionContext context;
  private long lastBeat = System.nanoTime();

  private Heartbeat(ActivityExecutionContext context) {
    this.context = context;
  }

  /** A heartbeat for the running activity. */
  static Heartbeat ofCurrentActivity() {
    return new Heartbeat(Activity.getExecutionContext());
  }

  @Override
  public void accept(long rows) {
    long now = System.nanoTime();
    if (rows % EVERY_ROWS == 0 || now - lastBeat >= EVERY.toNanos()) {
      lastBeat = now;
      context.heartbeat(rows);
    }
  }
}
