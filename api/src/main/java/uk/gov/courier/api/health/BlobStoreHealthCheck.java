package uk.gov.courier.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import uk.gov.courier.blob.BlobStore;

/** Blob storage answers and Courier's private container exists. */
public final class BlobStoreHealthCheck extends HealthCheck {

  private final BlobStore blobStore;

  public BlobStoreHealthCheck(BlobStore blobStore) {
    this.blobStore = blobStore;
  }

  @Override
  protected Result check() {
    try {
      if (blobStore.containerExists(Duration.ofSeconds(5))) {
        return Result.healthy("container %s exists", blobStore.containerName());
      }
      blobStore.ensureContainer();
      return Result.healthy("container %s created", blobStore.containerName());
    } catch (RuntimeException e) {
      return Result.unhealthy(
          "Blob storage is not answering: " + PostgresHealthCheck.rootMessage(e));
    }
  }
}
