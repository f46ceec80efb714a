package uk.gov.courier.blob;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Courier's one private container in Azure Blob Storage. Files are never public: no container
 * access policy, no SAS URL in any page or email; recipients' downloads stream through Courier.
 */
public final class BlobStore {

  private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);

  private final BlobContainerClient container;

  public BlobStore(String connectionString, String containerName) {
    BlobServiceClient service =
        new BlobServiceClientBuilder()
            .connectionString(connectionString)
            .retryOptions(
                new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 4, 60, 500L, 8_000L, null))
            .buildClient();
    this.container = service.getBlobContainerClient(containerName);
  }

  public BlobContainerClient container() {
    return container;
  }

  public String containerName() {
    return container.getBlobContainerName();
  }

  /** Creates the private container if it is missing. Safe to call any number of times. */
  public void ensureContainer() {
    if (container.createIfNotExists()) {
      LOG.info("Created private blob container {}", container.getBlobContainerName());
    }
  }

  /** Creates the container if storage answers; logs and carries on if it does not. */
  public void ensureContainerIfReachable() {
    try {
      ensureContainer();
    } catch (RuntimeException e) {
      LOG.warn(
          "Blob storage did not answer at start; the container will be created on first use: {}",
          e.getMessage());
    }
  }

  /** True when storage answers and the container exists, within {@code timeout}. */
  public boolean containerExists(Duration timeout) {
    return Boolean.TRUE.equals(container.existsWithResponse(timeout, Context.NONE).getValue());
  }
}
