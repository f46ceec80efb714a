package uk.gov.courier.send;

import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.claims.ClaimActivitiesImpl;
import uk.gov.courier.email.EmailActivitiesImpl;
import uk.gov.courier.email.NotifyGateway;
import uk.gov.courier.export.ExportActivitiesImpl;
import uk.gov.courier.links.LinkActivitiesImpl;
import uk.gov.courier.links.LinkTokens;

/**
 * The send workflow's activity implementations, wired in one place. A worker registers them with
 *
 * <pre>{@code
 * worker.registerWorkflowImplementationTypes(SendWorkflowImpl.class);
 * worker.registerActivitiesImplementations(
 *     SendActivities.implementations(jdbi, blobStore, notify, tokens, settings));
 * }</pre>
 */
public final class SendActivities {

  private SendActivities() {}

  /**
   * One implementation of each of {@code SendRecordActivities}, {@code ExportActivities}, {@code
   * LinkActivities}, {@code EmailActivities} and {@code ClaimActivities}.
   */
  public static Object[] implementations(
      Jdbi jdbi,
      BlobStore blobStore,
      NotifyGateway notify,
      LinkTokens tokens,
      SendSettings settings) {
    return new Object[] {
      new SendRecordActivitiesImpl(jdbi),
      new ExportActivitiesImpl(jdbi, blobStore),
      new LinkActivitiesImpl(jdbi, tokens),
      new EmailActivitiesImpl(jdbi, notify, tokens, settings),
      new ClaimActivitiesImpl(jdbi)
    };
  }
}
