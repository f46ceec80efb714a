package uk.gov.courier.api.temporal;

import io.dropwizard.lifecycle.Managed;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.api.config.TemporalConfig;

/**
 * Courier's connection to Temporal and, when this process is a worker, its worker. With target
 * {@code in-process} it first starts the Java test server inside this JVM (development only:
 * durability is off, nothing survives a restart). Connecting is lazy, so Courier starts while
 * Temporal is down and its health check says so.
 */
public final class TemporalService implements Managed {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalService.class);

  private static final Duration WORKER_START_RETRY = Duration.ofSeconds(10);

  private final TemporalConfig config;
  private final String taskQueue;
  private final Consumer<Worker> registration;
  private Closeable inProcessServer;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private WorkerFactory workerFactory;
  private boolean workerStarted;

  /**
   * @param registration registers workflows and activities on the worker, or {@code null} when this
   *     process is not a worker
   */
  public TemporalService(TemporalConfig config, String taskQueue, Consumer<Worker> registration) {
    this.config = config;
    this.taskQueue = taskQueue;
    this.registration = registration;
  }

  /** Connects (lazily) and returns the client; safe to call before {@link #start()}. */
  public synchronized WorkflowClient client() {
    if (client == null) {
      String target = config.getTarget();
      if (config.isInProcess()) {
        inProcessServer = TestServer.createPortBoundServer(config.getInProcessPort());
        target = "127.0.0.1:" + config.getInProcessPort();
        LOG.warn(
            "Temporal: Java test server in process on {}. Durability is OFF: sends in flight are"
                + " lost when Courier stops, and there is no web UI.",
            target);
      } else {
        LOG.info("Temporal: {} namespace {}", target, config.getNamespace());
      }
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      client =
          WorkflowClient.newInstance(
              stubs,
              WorkflowClientOptions.newBuilder().setNamespace(config.getNamespace()).build());
    }
    return client;
  }

  @Override
  public synchronized void start() {
    WorkflowClient workflowClient = client();
    if (registration == null) {
      return;
    }
    workerFactory = WorkerFactory.newInstance(workflowClient);
    Worker worker = workerFactory.newWorker(taskQueue);
    registration.accept(worker);
    if (!tryStartWorker()) {
      Thread retry = new Thread(this::startWorkerWhenTemporalAnswers, "temporal-worker-start");
      retry.setDaemon(true);
      retry.start();
    }
  }

  /** Temporal may be down when Courier starts; the worker starts as soon as it answers. */
  private void startWorkerWhenTemporalAnswers() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(WORKER_START_RETRY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (workerFactory == null || tryStartWorker()) {
          return;
        }
      }
    }
  }

  private boolean tryStartWorker() {
    try {
      ping(Duration.ofSeconds(5));
      workerFactory.start();
      workerStarted = true;
      LOG.info("Temporal worker polling task queue {}", taskQueue);
      return true;
    } catch (RuntimeException e) {
      LOG.warn(
          "Temporal is not answering at {}; the worker will start when it does. Sends cannot"
              + " progress until then. ({})",
          config.getTarget(),
          e.getMessage());
      return false;
    }
  }

  /** Asks the server for its system info within {@code timeout}; throws if it does not answer. */
  public void ping(Duration timeout) {
    client()
        .getWorkflowServiceStubs()
        .blockingStub()
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
  }

  public boolean isInProcess() {
    return config.isInProcess();
  }

  @Override
  public synchronized void stop() throws InterruptedException, IOException {
    if (workerFactory != null && workerStarted) {
      try {
        workerFactory.shutdown();
        workerFactory.awaitTermination(30, TimeUnit.SECONDS);
      } catch (RuntimeException e) {
        LOG.warn("Temporal worker did not shut down cleanly: {}", e.getMessage());
      }
    }
    workerFactory = null;
    if (stubs != null) {
      stubs.shutdown();
      stubs.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (inProcessServer != null) {
      inProcessServer.close();
    }
  }
}
