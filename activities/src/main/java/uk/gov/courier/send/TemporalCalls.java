package uk.gov.courier.send;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import uk.gov.courier.errors.CourierException;
import uk.gov.courier.errors.ErrorCode;

/**
 * Calls to Temporal with a deadline, and what their failures mean to a person.
 *
 * <p>The deadline is a gRPC context deadline, which the SDK's retries respect: a call that cannot
 * reach Temporal, or whose Update no worker accepts, gives up when it passes instead of hanging the
 * request.
 */
public final class TemporalCalls {

  /** Temporal could not be reached at all: nothing reached the workflow. */
  public static final String UNAVAILABLE =
      "The send service is not available, so nothing was changed. Try again in a few minutes.";

  /**
   * Temporal took the request but no answer came in time. The workflow may still act on it when its
   * worker catches up, so this does not promise that nothing changed.
   */
  static final String NO_ANSWER =
      "The send service did not answer in time, so the send may not have changed. Check the send"
          + " in a few minutes before you try again.";

  static final String FINISHED = "This send has finished, so it can no longer be changed.";

  /** The validator's message for the second-person rule (see {@code SendWorkflowImpl}). */
  static final String SECOND_PERSON = "The person who started a send cannot confirm it";

  private static final String BAD_REQUEST = IllegalArgumentException.class.getName();
  private static final String WRONG_STATE = IllegalStateException.class.getName();

  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "temporal-call-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  private TemporalCalls() {}

  /** Runs {@code call} with every Temporal request in it bounded by {@code timeout}. */
  public static <T> T withDeadline(Duration timeout, Supplier<T> call) {
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
    try {
      return context.call(call::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      context.cancel(null);
    }
  }

  /**
   * The refusal to show for a failed Update or start, or null when {@code e} is not something
   * Temporal said (a bug: let it through).
   */
  public static CourierException refusal(RuntimeException e) {
    WorkflowUpdateException update = find(e, WorkflowUpdateException.class);
    if (update != null) {
      return updateRefused(update);
    }
    if (find(e, WorkflowNotFoundException.class) != null) {
      return CourierException.wrongState(FINISHED);
    }
    if (find(e, WorkflowUpdateTimeoutOrCancelledException.class) != null) {
      return CourierException.unavailable(NO_ANSWER, e);
    }
    StatusRuntimeException status = find(e, StatusRuntimeException.class);
    if (status != null) {
      Status.Code code = status.getStatus().getCode();
      if (code == Status.Code.NOT_FOUND) {
        return CourierException.wrongState(FINISHED);
      }
      if (code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.CANCELLED) {
        return CourierException.unavailable(NO_ANSWER, e);
      }
      return CourierException.unavailable(UNAVAILABLE, e);
    }
    if (e instanceof WorkflowServiceException) {
      return CourierException.unavailable(UNAVAILABLE, e);
    }
    return null;
  }

  private static CourierException updateRefused(WorkflowUpdateException update) {
    if (update.getCause() instanceof ApplicationFailure failure) {
      String message = failure.getOriginalMessage();
      if (BAD_REQUEST.equals(failure.getType())) {
        return SECOND_PERSON.equals(message)
            ? CourierException.notAllowed(message)
            : new CourierException(ErrorCode.INVALID_REQUEST, message);
      }
      // IllegalStateException from a validator, or the Update's own failure (a resend whose email
      // could not be sent): either way the send is not in a state to do what was asked.
      return CourierException.wrongState(message);
    }
    return CourierException.wrongState("The send could not do this: " + update.getMessage());
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
