package uk.gov.courier.workflows.send;

import io.temporal.activity.ActivityInterface;
import java.util.UUID;

/** Emails recipients through GOV.UK Notify. */
@ActivityInterface
public interface EmailActivities {

  /**
   * Emails one link to its recipient address, with the Notify {@code reference} set to the link ID.
   * Never sends twice: it first looks for a notification already sent with that reference (or the
   * notification ID recorded on the link) and returns it instead of sending again. Records the
   * notification ID and time on the link.
   *
   * <p>Failures: {@code NOTIFY_REJECTED} (HTTP 400/403; permanent); {@code NOTIFY_UNAVAILABLE}
   * (429/5xx, network; retried with backoff, at most {@link SendActivityOptions#EMAIL_MAX_ATTEMPTS}
   * attempts). Options: {@link SendActivityOptions#EMAIL}.
   */
  SentEmail sendLinkEmail(UUID linkId);
}
