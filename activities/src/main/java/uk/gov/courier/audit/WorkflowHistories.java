package uk.gov.courier.audit;

import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.courier.blob.BlobStore;

/**
 * A send's Temporal workflow history: from Temporal while it keeps it, else from the copy archived
 * in blob storage; and the same JSON rendered as rows an auditor can read.
 */
public final class WorkflowHistories {

  private static final Logger LOG = LoggerFactory.getLogger(WorkflowHistories.class);
  private static final int MAX_DETAIL = 600;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where a history was read from. */
  public enum Source {
    TEMPORAL,
    ARCHIVE
  }

  /** A history's JSON and where it came from. */
  public record History(String json, Source source) {}

  private final Supplier<WorkflowClient> temporal;
  private final BlobStore blobStore;

  public WorkflowHistories(Supplier<WorkflowClient> temporal, BlobStore blobStore) {
    this.temporal = temporal;
    this.blobStore = blobStore;
  }

  /**
   * The blob that holds a send's archived history: one name per workflow, so a retry overwrites.
   */
  public static String blobName(String workflowId) {
    return "workflow-histories/" + workflowId + ".json";
  }

  /** The history JSON straight from Temporal; throws if Temporal cannot give it. */
  public String fromTemporal(String workflowId) {
    return temporal.get().fetchHistory(workflowId).toJson(true);
  }

  /** From Temporal if it answers, else the archived copy; empty if neither has it. */
  public Optional<History> find(String workflowId, String archivedBlobName) {
    try {
      return Optional.of(new History(fromTemporal(workflowId), Source.TEMPORAL));
    } catch (RuntimeException e) {
      LOG.info("Workflow history for {} not read from Temporal: {}", workflowId, e.toString());
    }
    if (archivedBlobName != null) {
      try {
        BinaryData data = blobStore.container().getBlobClient(archivedBlobName).downloadContent();
        return Optional.of(new History(data.toString(), Source.ARCHIVE));
      } catch (RuntimeException e) {
        LOG.warn(
            "Archived workflow history {} could not be read: {}", archivedBlobName, e.toString());
      }
    }
    return Optional.empty();
  }

  /** Stores a history in the private container under its deterministic name. */
  public void archive(String blobName, String json) {
    blobStore.container().getBlobClient(blobName).upload(BinaryData.fromString(json), true);
  }

  /** True when the history's last event closes the workflow. */
  public static boolean isClosed(String json) {
    List<HistoryEvent> events = WorkflowExecutionHistory.fromJson(json).getEvents();
    if (events.isEmpty()) {
      return false;
    }
    return switch (events.get(events.size() - 1).getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
          EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
          EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
          EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
          EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
          EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW ->
          true;
      default -> false;
    };
  }

  /**
   * The history as plain rows, leaving out workflow-task bookkeeping (still in the raw JSON).
   * Payloads are shown as their JSON text, shortened.
   */
  public static List<HistoryEventRow> render(String json) {
    List<HistoryEvent> events = WorkflowExecutionHistory.fromJson(json).getEvents();
    Map<Long, String> activities = new HashMap<>();
    Map<Long, String> timers = new HashMap<>();
    Map<Long, String> children = new HashMap<>();
    Map<String, String> updates = new HashMap<>();
    List<HistoryEventRow> rows = new ArrayList<>();
    for (HistoryEvent e : events) {
      Instant time =
          Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      long id = e.getEventId();
      EventType type = e.getEventType();
      switch (type) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
          var a = e.getWorkflowExecutionStartedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Workflow started",
                  a.getWorkflowType().getName(),
                  "input: " + payloads(a.getInput()),
                  false));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> {
          var a = e.getWorkflowExecutionUpdateAcceptedEventAttributes();
          updates.put(a.getProtocolInstanceId(), a.getAcceptedRequest().getInput().getName());
          updates.put(
              a.getAcceptedRequest().getMeta().getUpdateId(),
              a.getAcceptedRequest().getInput().getName());
          rows.add(
              row(
                  id,
                  time,
                  "Update accepted",
                  a.getAcceptedRequest().getInput().getName(),
                  "input: " + payloads(a.getAcceptedRequest().getInput().getArgs()),
                  false));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED -> {
          var a = e.getWorkflowExecutionUpdateCompletedEventAttributes();
          String outcome =
              a.getOutcome().hasFailure()
                  ? "failed: " + failure(a.getOutcome().getFailure())
                  : "result: " + payloads(a.getOutcome().getSuccess());
          rows.add(
              row(
                  id,
                  time,
                  "Update completed",
                  updates.getOrDefault(a.getMeta().getUpdateId(), a.getMeta().getUpdateId()),
                  outcome,
                  a.getOutcome().hasFailure()));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED -> {
          var a = e.getWorkflowExecutionUpdateRejectedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Update rejected",
                  a.getRejectedRequest().getInput().getName(),
                  failure(a.getFailure()),
                  true));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> {
          var a = e.getWorkflowExecutionSignaledEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Signal received",
                  a.getSignalName(),
                  "input: " + payloads(a.getInput()),
                  false));
        }
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
          var a = e.getActivityTaskScheduledEventAttributes();
          activities.put(id, a.getActivityType().getName());
          rows.add(
              row(
                  id,
                  time,
                  "Activity scheduled",
                  a.getActivityType().getName(),
                  "input: " + payloads(a.getInput()),
                  false));
        }
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
          var a = e.getActivityTaskStartedEventAttributes();
          String last = a.hasLastFailure() ? "; last failure: " + failure(a.getLastFailure()) : "";
          rows.add(
              row(
                  id,
                  time,
                  "Activity started",
                  activities.get(a.getScheduledEventId()),
                  "attempt " + a.getAttempt() + last,
                  a.hasLastFailure()));
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
          var a = e.getActivityTaskCompletedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Activity completed",
                  activities.get(a.getScheduledEventId()),
                  "result: " + payloads(a.getResult()),
                  false));
        }
        case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
          var a = e.getActivityTaskFailedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Activity failed",
                  activities.get(a.getScheduledEventId()),
                  failure(a.getFailure()),
                  true));
        }
        case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
          var a = e.getActivityTaskTimedOutEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Activity timed out",
                  activities.get(a.getScheduledEventId()),
                  failure(a.getFailure()),
                  true));
        }
        case EVENT_TYPE_TIMER_STARTED -> {
          var a = e.getTimerStartedEventAttributes();
          timers.put(id, a.getTimerId());
          rows.add(
              row(
                  id,
                  time,
                  "Timer started",
                  a.getTimerId(),
                  "fires after "
                      + java.time.Duration.ofSeconds(
                          a.getStartToFireTimeout().getSeconds(),
                          a.getStartToFireTimeout().getNanos()),
                  false));
        }
        case EVENT_TYPE_TIMER_FIRED -> {
          var a = e.getTimerFiredEventAttributes();
          rows.add(row(id, time, "Timer fired", a.getTimerId(), "", false));
        }
        case EVENT_TYPE_TIMER_CANCELED -> {
          var a = e.getTimerCanceledEventAttributes();
          rows.add(row(id, time, "Timer cancelled", a.getTimerId(), "", false));
        }
        case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
          var a = e.getStartChildWorkflowExecutionInitiatedEventAttributes();
          children.put(id, a.getWorkflowId());
          rows.add(
              row(
                  id,
                  time,
                  "Child workflow requested",
                  a.getWorkflowId(),
                  "input: " + payloads(a.getInput()),
                  false));
        }
        case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED -> {
          var a = e.getChildWorkflowExecutionStartedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Child workflow started",
                  a.getWorkflowExecution().getWorkflowId(),
                  "",
                  false));
        }
        case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED -> {
          var a = e.getChildWorkflowExecutionCompletedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Child workflow completed",
                  a.getWorkflowExecution().getWorkflowId(),
                  "result: " + payloads(a.getResult()),
                  false));
        }
        case EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED -> {
          var a = e.getChildWorkflowExecutionFailedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Child workflow failed",
                  a.getWorkflowExecution().getWorkflowId(),
                  failure(a.getFailure()),
                  true));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> {
          var a = e.getWorkflowExecutionCompletedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Workflow completed",
                  null,
                  "result: " + payloads(a.getResult()),
                  false));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> {
          var a = e.getWorkflowExecutionFailedEventAttributes();
          rows.add(row(id, time, "Workflow failed", null, failure(a.getFailure()), true));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> {
          var a = e.getWorkflowExecutionTerminatedEventAttributes();
          rows.add(
              row(
                  id,
                  time,
                  "Workflow terminated",
                  a.getIdentity(),
                  "reason: " + a.getReason(),
                  true));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT ->
            rows.add(row(id, time, "Workflow timed out", null, "", true));
        case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED ->
            rows.add(row(id, time, "Workflow cancelled", null, "", false));
        case EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
            EVENT_TYPE_WORKFLOW_TASK_STARTED,
            EVENT_TYPE_WORKFLOW_TASK_COMPLETED -> {
          // bookkeeping: kept in the raw JSON only
        }
        case EVENT_TYPE_WORKFLOW_TASK_FAILED -> {
          var a = e.getWorkflowTaskFailedEventAttributes();
          rows.add(row(id, time, "Workflow task failed", null, failure(a.getFailure()), true));
        }
        default -> rows.add(row(id, time, words(type), null, "", false));
      }
    }
    return rows;
  }

  private static HistoryEventRow row(
      long id, Instant time, String type, String name, String details, boolean failure) {
    return new HistoryEventRow(id, time, type, name, shorten(details), failure);
  }

  private static String words(EventType type) {
    String name = type.name().replace("EVENT_TYPE_", "").replace('_', ' ').toLowerCase();
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String payloads(Payloads payloads) {
    List<String> parts = new ArrayList<>();
    for (Payload p : payloads.getPayloadsList()) {
      parts.add(payload(p));
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String payload(Payload p) {
    String encoding =
        p.getMetadataMap().containsKey("encoding")
            ? p.getMetadataMap().get("encoding").toStringUtf8()
            : "";
    if ("binary/null".equals(encoding)) {
      return "null";
    }
    if (encoding.startsWith("json/") || encoding.startsWith("text/")) {
      return readable(p.getData().toString(StandardCharsets.UTF_8));
    }
    return "(" + p.getData().size() + " bytes, " + (encoding.isEmpty() ? "binary" : encoding) + ")";
  }

  /** A JSON object as {@code name: value; ...} at its top level; anything else as it is. */
  private static String readable(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        return json;
      }
      List<String> fields = new ArrayList<>();
      node.fields()
          .forEachRemaining(
              f ->
                  fields.add(
                      f.getKey()
                          + ": "
                          + (f.getValue().isTextual() ? f.getValue().asText() : f.getValue())));
      return String.join("; ", fields);
    } catch (JsonProcessingException | RuntimeException e) {
      return json;
    }
  }

  private static String failure(Failure f) {
    StringBuilder text = new StringBuilder(f.getMessage());
    if (f.hasApplicationFailureInfo() && !f.getApplicationFailureInfo().getType().isEmpty()) {
      text.append(" (").append(f.getApplicationFailureInfo().getType());
      if (f.getApplicationFailureInfo().getNonRetryable()) {
        text.append(", not retried");
      }
      text.append(')');
    }
    if (f.hasCause()) {
      text.append("; cause: ").append(failure(f.getCause()));
    }
    return text.toString();
  }

  private static String shorten(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
  }
}
