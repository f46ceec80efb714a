package uk.gov.courier.workflows.send;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a finished test workflow's history to src/test/resources/histories, for {@link
 * SendWorkflowReplayTest}, only when the build runs with {@code -Dcourier.recordHistories=true}.
 */
final class Histories {

  static final String RECORD_PROPERTY = "courier.recordHistories";
  static final Path SOURCE_DIR = Path.of("src", "test", "resources", "histories");

  private Histories() {}

  static void keep(TestWorkflowEnvironment env, String workflowId, String name) {
    if (!Boolean.getBoolean(RECORD_PROPERTY)) {
      return;
    }
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(workflowId);
    try {
      Files.createDirectories(SOURCE_DIR);
      Files.writeString(SOURCE_DIR.resolve(name + ".json"), history.toJson(true) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
