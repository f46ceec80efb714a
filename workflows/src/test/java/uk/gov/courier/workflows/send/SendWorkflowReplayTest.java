package uk.gov.courier.workflows.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded history in src/test/resources/histories against the current workflow code.
 * A failure means a change is not replay-safe: guard it with {@code Workflow.getVersion}, or, if no
 * send recorded with the old code can still be running anywhere, re-record (see the README in that
 * folder).
 */
class SendWorkflowReplayTest {

  static List<Path> histories() throws IOException, URISyntaxException {
    Path dir = Path.of(SendWorkflowReplayTest.class.getResource("/histories").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void historiesAreRecordedForEveryWayASendEnds() throws Exception {
    assertThat(histories())
        .extracting(path -> path.getFileName().toString())
        .contains(
            "happy-path.json",
            "cancelled.json",
            "unconfirmed.json",
            "resent.json",
            "revoked.json",
            "failed-then-retried.json",
            "abandoned.json",
            "pre-confirmed.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void recordedHistoryReplaysOnTheCurrentCode(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(history)), SendWorkflowImpl.class);
  }
}
