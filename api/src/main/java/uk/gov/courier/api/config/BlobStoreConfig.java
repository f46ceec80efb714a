package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Azure Blob Storage: the account's connection string and the private container for files. */
public class BlobStoreConfig {

  @JsonProperty @NotBlank private String connectionString;

  /** Azure's rules: 3-63 lower-case letters, digits and single hyphens. */
  @JsonProperty
  @NotBlank
  @Pattern(regexp = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")
  private String container = "courier-files";

  public String getConnectionString() {
    return connectionString;
  }

  public String getContainer() {
    return container;
  }
}
