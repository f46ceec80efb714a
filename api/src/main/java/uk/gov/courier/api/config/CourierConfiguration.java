package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Set;

/**
 * Courier's one validated configuration. Every value in the shipped YAML files reads an environment
 * variable first ({@code ${COURIER_...:-default}}); the README lists them all.
 */
public class CourierConfiguration extends Configuration {

  @JsonProperty @Valid @NotNull private DatabaseConfig database = new DatabaseConfig();

  @JsonProperty @Valid @NotNull private TemporalConfig temporal = new TemporalConfig();

  @JsonProperty @Valid @NotNull private BlobStoreConfig blobStore = new BlobStoreConfig();

  @JsonProperty @Valid @NotNull private NotifyConfig notify = new NotifyConfig();

  @JsonProperty @Valid @NotNull private PayerConfig payer = new PayerConfig();

  @JsonProperty @Valid @NotNull private SendsConfig sends = new SendsConfig();

  @JsonProperty @Valid @NotNull private DemoConfig demo = new DemoConfig();

  @JsonProperty @Valid @NotNull private ConsoleConfig console = new ConsoleConfig();

  @JsonProperty @Valid @NotNull private AuditConfig audit = new AuditConfig();

  @JsonProperty @Valid @NotNull private SamplingConfig sampling = new SamplingConfig();

  @JsonProperty @NotEmpty private Set<ProcessRole> roles = EnumSet.allOf(ProcessRole.class);

  public DatabaseConfig getDatabase() {
    return database;
  }

  public TemporalConfig getTemporal() {
    return temporal;
  }

  public BlobStoreConfig getBlobStore() {
    return blobStore;
  }

  public NotifyConfig getNotify() {
    return notify;
  }

  public PayerConfig getPayer() {
    return payer;
  }

  public SendsConfig getSends() {
    return sends;
  }

  public DemoConfig getDemo() {
    return demo;
  }

  public ConsoleConfig getConsole() {
    return console;
  }

  public AuditConfig getAudit() {
    return audit;
  }

  public SamplingConfig getSampling() {
    return sampling;
  }

  public Set<ProcessRole> getRoles() {
    return roles;
  }

  public boolean runs(ProcessRole role) {
    return roles.contains(role);
  }
}
