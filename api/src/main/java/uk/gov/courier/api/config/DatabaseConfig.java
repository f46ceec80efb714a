package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Where PostgreSQL is. With {@code embedded: true} Courier starts zonky's embedded PostgreSQL on
 * loopback with its data in {@code embeddedDataDirectory} (development); otherwise it connects to
 * the server named in {@code dataSource}.
 */
public class DatabaseConfig {

  @JsonProperty private boolean embedded = false;

  @JsonProperty @NotNull private String embeddedDataDirectory = ".dev-data/postgres";

  @JsonProperty
  @Min(1024)
  @Max(65535)
  private int embeddedPort = 5433;

  @JsonProperty @Valid @NotNull private DataSourceFactory dataSource = new DataSourceFactory();

  public boolean isEmbedded() {
    return embedded;
  }

  public String getEmbeddedDataDirectory() {
    return embeddedDataDirectory;
  }

  public int getEmbeddedPort() {
    return embeddedPort;
  }

  public DataSourceFactory getDataSource() {
    return dataSource;
  }
}
