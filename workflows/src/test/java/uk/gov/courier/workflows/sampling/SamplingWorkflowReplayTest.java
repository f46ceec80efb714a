package uk.gov.courier.workflows.sampling;

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
 * Replays every recorded sampling history in src/test/resources/histories/sampling against the
 * current {@link SamplingWorkflowImpl}. A failure means a change is not replay-safe: guard it with
 * {@code Workflow.getVersion}, and add new recordings next to the old ones.
 */
class SamplingWorkflowReplayTest {

  static List<Path> histories() throws IOException, URISyntaxException {
    Path dir = Path.of(SamplingWorkflowReplayTest.class.getResource("/histories/sampling").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void historiesAreRecordedForEveryWayASamplingSendEnds() throws Exception {
    assertThat(histories())
        .extracting(path -> path.getFileName().toString())
        .contains(
            "confirmed.json",
            "cancelled.json",
            "unconfirmed.json",
            "one-provider-failed.json",
            "provider-retried.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("histories")
  void recordedSamplingHistoryReplaysOnTheCurrentCode(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(history)), SamplingWorkflowImpl.class);
  }
}
