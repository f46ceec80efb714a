package uk.gov.courier.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.export.ExportActivitiesImpl;
import uk.gov.courier.persistence.Jdbis;
import uk.gov.courier.persistence.Migrations;
import uk.gov.courier.testing.Azurite;
import uk.gov.courier.testing.TestPostgres;
import uk.gov.courier.workflows.send.ExportActivities;
import uk.gov.courier.workflows.send.ExportResult;

/**
 * Does the export stream? Exports payments files of 1 thousand, 100 thousand and 1 million rows
 * from real PostgreSQL into real Azurite, in one JVM, and prints for each the live heap (the most
 * bytes reachable at any moment of the export, from the JVM's class histogram every 250 ms) and its
 * ratio to the 1-thousand baseline. A streaming export keeps the ratio near 1; one that buffered
 * the file would grow with it (a 1-million-row file is about 100 MB).
 *
 * <p>Not part of the normal build. Run it with:
 *
 * <pre>
 * mvn -B -pl activities -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=ExportMemoryBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m
 * </pre>
 */
@Tag("benchmark")
class ExportMemoryBenchmark {

  private static final int[] SIZES = {1_000, 100_000, 1_000_000};

  @Test
  void exportMemoryStaysFlatFromAThousandToAMillionRows() throws Exception {
    TestPostgres.TestDatabase database = TestPostgres.freshDatabase();
    Migrations.migrate(database.dataSource());
    Jdbi jdbi = Jdbis.create(database.dataSource());
    insertSubmittedClaims(jdbi, SIZES[SIZES.length - 1]);
    BlobStore blobStore = new BlobStore(Azurite.connectionString(), "benchmark-files");

    TestActivityEnvironment activities = TestActivityEnvironment.newInstance();
    activities.registerActivitiesImplementations(new ExportActivitiesImpl(jdbi, blobStore));
    ExportActivities export =
        activities.newActivityStub(
            ExportActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofHours(1))
                .setHeartbeatTimeout(Duration.ofMinutes(5))
                .build());

    List<String> lines = new ArrayList<>();
    long baseline = 0;
    for (int size : SIZES) {
      UUID send = freezeSend(jdbi, size);
      LiveHeap heap = LiveHeap.watch();
      long started = System.nanoTime();
      ExportResult result = export.exportClaims(send);
      double seconds = (System.nanoTime() - started) / 1e9;
      long live = heap.stop();
      assertThat(result.rowCount()).isEqualTo(size);
      if (baseline == 0) {
        baseline = live;
      }
      lines.add(
          String.format(
              "%,10d rows  %,12d bytes  %6.1f s  %,9.0f rows/s  live heap %6.1f MiB  ratio %.2f",
              size,
              result.byteCount(),
              seconds,
              size / seconds,
              live / 1048576.0,
              (double) live / baseline));
    }
    activities.close();
    System.out.println("\nExport memory benchmark (most live heap during each export)");
    lines.forEach(System.out::println);
    System.out.println("Max heap: " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB\n");
  }

  private static void insertSubmittedClaims(Jdbi jdbi, int count) {
    jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO claim_windows (id, name, starts_on, ends_on) OVERRIDING SYSTEM VALUE"
                  + " VALUES (1, 'Benchmark window', '2026-05-01', '2026-07-17')");
          h.execute(
              "INSERT INTO schools (id, urn, name, postcode, local_authority,"
                  + " type_of_establishment, school_group) OVERRIDING SYSTEM VALUE"
                  + " SELECT i, (100000 + i)::text, 'School ' || i || ', \"Quoted\" & Co',"
                  + " 'AB1 2CD', 'Leeds', 'Academy converter', 'Academies'"
                  + " FROM generate_series(1, 1000) i");
          h.execute(
              "INSERT INTO providers (id, code, name) OVERRIDING SYSTEM VALUE"
                  + " VALUES (1, 'P1', 'Provider')");
          h.execute(
              "INSERT INTO claims (reference, school_id, provider_id, claim_window_id, status,"
                  + " submitted_at, amount_pence) SELECT (10000000 + i)::text, 1 + i % 1000, 1,"
                  + " 1, 'submitted', now(), 5360 * (1 + i % 20) FROM generate_series(1, ?) i",
              count);
        });
  }

  /** A payments send owning the first {@code size} claims (earlier sends are closed first). */
  private static UUID freezeSend(Jdbi jdbi, int size) {
    UUID id = UUID.randomUUID();
    jdbi.useTransaction(
        h -> {
          h.execute("UPDATE send_claims SET is_open = false");
          h.execute(
              "INSERT INTO sends (id, kind, state, workflow_id, claim_window_id, created_by)"
                  + " VALUES (?, 'payments', 'processing', ?, 1, 'benchmark@courier.test')",
              id,
              "send-" + id);
          h.execute(
              "INSERT INTO send_claims (send_id, claim_id, kind)"
                  + " SELECT ?, id, 'payments' FROM claims ORDER BY id LIMIT ?",
              id,
              size);
        });
    return id;
  }

  /**
   * The live heap: every 250 ms a full collection, then the heap in use, which is then only what is
   * still reachable. The most seen while watching is what the export kept.
   */
  private static final class LiveHeap {
    private final AtomicLong max = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private LiveHeap() {
      sampler =
          new Thread(
              () -> {
                while (running) {
                  max.accumulateAndGet(liveNow(), Math::max);
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "live-heap-sampler");
      sampler.setDaemon(true);
    }

    static LiveHeap watch() {
      LiveHeap heap = new LiveHeap();
      heap.max.set(liveNow());
      heap.sampler.start();
      return heap;
    }

    long stop() throws InterruptedException {
      running = false;
      sampler.join();
      return max.get();
    }

    /**
     * The JVM's own class histogram (what {@code jcmd GC.class_histogram} prints): a full
     * collection, then the bytes of every reachable object. Heap "used" figures count whole regions
     * and are no measure of what is reachable.
     */
    private static long liveNow() {
      try {
        String histogram =
            (String)
                ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        String[] lines = histogram.strip().split("\\R");
        String[] total = lines[lines.length - 1].trim().split("\\s+");
        long bytes = Long.parseLong(total[total.length - 1]);
        if (System.getProperty("benchmark.histogram") != null) {
          System.out.println(String.join("\n", java.util.Arrays.copyOfRange(lines, 0, 14)));
        }
        return bytes;
      } catch (Exception e) {
        throw new IllegalStateException("Could not read the class histogram", e);
      }
    }
  }
}
