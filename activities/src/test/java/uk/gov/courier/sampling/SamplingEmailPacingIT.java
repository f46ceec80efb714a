package uk.gov.courier.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.courier.email.NotifyPacer;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.persistence.Migrations;
import uk.gov.courier.testing.TestPostgres;

/**
 * The Notify pacer on real PostgreSQL: any number of workers (here, separate pacers on one
 * database, each called from many threads) together take slots no closer than the limit allows.
 */
class SamplingEmailPacingIT {

  private Jdbi jdbi;

  @BeforeEach
  void database() {
    TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
    Migrations.migrate(database.dataSource());
    jdbi = Jdbis.create(database.dataSource());
  }

  @Test
  void workersSharingTheDatabaseTogetherStayUnderTheLimit() throws Exception {
    int perMinute = 1_200;
    List<NotifyPacer> workers =
        List.of(
            new NotifyPacer(jdbi, perMinute),
            new NotifyPacer(jdbi, perMinute),
            new NotifyPacer(jdbi, perMinute));
    int emails = 120;
    List<Long> dueAt = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(24);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < emails; i++) {
      NotifyPacer worker = workers.get(i % workers.size());
      calls.add(
          threads.submit(
              () -> {
                Instant due = worker.awaitSlot();
                dueAt.add(due.getEpochSecond() * 1_000_000_000L + due.getNano());
              }));
    }
    for (Future<?> call : calls) {
      call.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();

    // When each slot was due, by the callers' clock: the database spaced them (less the jitter of
    // one round trip each); when a thread then wakes up depends on the machine's load.
    List<Long> sorted = dueAt.stream().sorted().toList();
    Duration spacing = workers.get(0).spacing();
    assertThat(spacing).isEqualTo(Duration.ofNanos(52_631_579));
    Duration span = Duration.ofNanos(sorted.get(sorted.size() - 1) - sorted.get(0));
    assertThat(span).isGreaterThan(spacing.multipliedBy(emails - 1).minusMillis(150));
    // No three seconds hold more than the paced share of the limit, plus a few for the window's
    // edges and the round-trip jitter.
    long window = 3_000_000_000L;
    int most = 0;
    for (int i = 0; i < sorted.size(); i++) {
      int j = i;
      while (j < sorted.size() && sorted.get(j) - sorted.get(i) < window) {
        j++;
      }
      most = Math.max(most, j - i);
    }
    assertThat(most).isLessThanOrEqualTo((int) (3 * perMinute * NotifyPacer.SHARE / 60) + 3);
  }

  @Test
  void anEmailThatCannotGetASlotSoonFailsToBeRetriedLater() {
    NotifyPacer pacer = new NotifyPacer(jdbi, 1);
    pacer.awaitSlot();

    assertThatThrownBy(pacer::awaitSlot)
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo("NOTIFY_UNAVAILABLE");
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getOriginalMessage())
                  .isEqualTo(
                      "Courier is pacing emails to stay under GOV.UK Notify's limit of 1 a"
                          + " minute, and this one could not get a place in time. It will be"
                          + " tried again.");
            });
  }

  @Test
  void aLimitOfZeroTurnsPacingOff() {
    NotifyPacer off = new NotifyPacer(jdbi, 0);
    long started = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      off.awaitSlot();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
  }
}
