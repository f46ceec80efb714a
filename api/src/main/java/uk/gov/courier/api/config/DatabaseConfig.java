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
 *
 * <p>The application connects as {@code dataSource.user}, a least-privilege role; migrations run as
 * {@code migrationUser}, the owner of the schema, which then grants the application role what it
 * needs (and only INSERT and SELECT on the audit trail). Without a {@code migrationUser} the
 * application's own user migrates and nothing is granted. With {@code createApplicationRole} (and
 * always for embedded PostgreSQL, where the owner is the superuser {@code postgres} and the
 * application connects as {@code courier_app}) the owner creates the application role if missing.
 */
public class DatabaseConfig {

  @JsonProperty private boolean embedded = false;

  @JsonProperty @NotNull private String embeddedDataDirectory = ".dev-data/postgres";

  @JsonProperty
  @Min(1024)
  @Max(65535)
  private int embeddedPort = 5433;

  @JsonProperty @Valid @NotNull private DataSourceFactory dataSource = new DataSourceFactory();

  @JsonProperty private String migrationUser;

  @JsonProperty private String migrationPassword;

  @JsonProperty private boolean createApplicationRole = false;

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

  public String getMigrationUser() {
    return migrationUser;
  }

  public String getMigrationPassword() {
    return migrationPassword;
  }

  public boolean isCreateApplicationRole() {
    return createApplicationRole;
  }
}
