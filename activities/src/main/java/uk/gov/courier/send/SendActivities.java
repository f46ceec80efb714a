package uk.gov.courier.send;

import io.temporal.worker.Worker;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.claims.ClaimActivitiesImpl;
import uk.gov.courier.email.EmailActivitiesImpl;
import uk.gov.courier.email.NotifyGateway;
import uk.gov.courier.email.NotifyPacer;
import uk.gov.courier.export.ExportActivitiesImpl;
import uk.gov.courier.links.LinkActivitiesImpl;
import uk.gov.courier.links.LinkTokens;
import uk.gov.courier.sampling.SamplingActivitiesImpl;
import uk.gov.courier.sampling.SamplingSettings;
import uk.gov.courier.workflows.sampling.SamplingWorkflowImpl;
import uk.gov.courier.workflows.send.SendWorkflowImpl;

/**
 * The send workflows and their activity implementations, wired in one place. A worker on {@code
 * SendWorkflowContract.TASK_QUEUE} registers everything with one call:
 *
 * <pre>{@code
 * SendActivities.register(worker, jdbi, blobStore, notify, tokens, settings, sampling, perMinute);
 * }</pre>
 */
public final class SendActivities {

  private SendActivities() {}

  /**
   * Registers {@link SendWorkflowImpl} and {@link SamplingWorkflowImpl} on {@code worker}, with
   * every activity they use.
   *
   * @param notifyMessagesPerMinute GOV.UK Notify's rate limit for Courier's API key (3,000 for a
   *     live key); every worker together stays under it. 0 turns pacing off.
   */
  public static void register(
      Worker worker,
      Jdbi jdbi,
      BlobStore blobStore,
      NotifyGateway notify,
      LinkTokens tokens,
      SendSettings settings,
      SamplingSettings sampling,
      int notifyMessagesPerMinute) {
    worker.registerWorkflowImplementationTypes(SendWorkflowImpl.class, SamplingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        implementations(
            jdbi,
            blobStore,
            notify,
            tokens,
            settings,
            sampling,
            new NotifyPacer(jdbi, notifyMessagesPerMinute)));
  }

  /**
   * One implementation of each of {@code SendRecordActivities}, {@code ExportActivities}, {@code
   * LinkActivities}, {@code EmailActivities}, {@code ClaimActivities} and {@code
   * SamplingActivities}, with sampling's default settings and emails paced at Notify's default
   * limit.
   */
  public static Object[] implementations(
      Jdbi jdbi,
      BlobStore blobStore,
      NotifyGateway notify,
      LinkTokens tokens,
      SendSettings settings) {
    return implementations(
        jdbi,
        blobStore,
        notify,
        tokens,
        settings,
        SamplingSettings.defaults(),
        new NotifyPacer(jdbi, NotifyPacer.DEFAULT_MESSAGES_PER_MINUTE));
  }

  /** As above, with sampling's settings and the Notify pacer given. */
  public static Object[] implementations(
      Jdbi jdbi,
      BlobStore blobStore,
      NotifyGateway notify,
      LinkTokens tokens,
      SendSettings settings,
      SamplingSettings sampling,
      NotifyPacer pacer) {
    return new Object[] {
      new SendRecordActivitiesImpl(jdbi),
      new ExportActivitiesImpl(jdbi, blobStore),
      new LinkActivitiesImpl(jdbi, tokens),
      new EmailActivitiesImpl(jdbi, notify, tokens, settings, sampling, pacer),
      new ClaimActivitiesImpl(jdbi),
      new SamplingActivitiesImpl(jdbi)
    };
  }
}
