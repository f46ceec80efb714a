package uk.gov.courier.workflows.sampling;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a finished test workflow's history for the replay tests, only when the build runs with
 * {@code -Dcourier.recordHistories=true}: a sampling send's to
 * src/test/resources/histories/sampling ({@link SamplingWorkflowReplayTest}), a provider's send's
 * to src/test/resources/histories (the send workflow's replay test).
 */
final class SamplingHistories {

  static final String RECORD_PROPERTY = "courier.recordHistories";
  static final Path SENDS = Path.of("src", "test", "resources", "histories");
  static final Path SAMPLING = SENDS.resolve("sampling");

  private SamplingHistories() {}

  static void keepSampling(TestWorkflowEnvironment env, String workflowId, String name) {
    keep(env, workflowId, SAMPLING.resolve(name + ".json"));
  }

  static void keepProviderSend(TestWorkflowEnvironment env, String workflowId, String name) {
    keep(env, workflowId, SENDS.resolve(name + ".json"));
  }

  private static void keep(TestWorkflowEnvironment env, String workflowId, Path file) {
    if (!Boolean.getBoolean(RECORD_PROPERTY)) {
      return;
    }
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(workflowId);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, history.toJson(true) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
