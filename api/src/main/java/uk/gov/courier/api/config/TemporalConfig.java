package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * The Temporal service: {@code target} is {@code host:port} of a cluster, Temporal Cloud or the CLI
 * dev server, or {@code in-process} to run the Java test server inside Courier (development only:
 * nothing survives a restart).
 */
public class TemporalConfig {

  public static final String IN_PROCESS = "in-process";

  @JsonProperty @NotBlank private String target = "127.0.0.1:7233";

  @JsonProperty @NotBlank private String namespace = "default";

  /** The Temporal web UI, when there is one, for links from a send's page. */
  @JsonProperty private String uiUrl;

  @JsonProperty private int inProcessPort = 7233;

  public String getTarget() {
    return target;
  }

  public boolean isInProcess() {
    return IN_PROCESS.equalsIgnoreCase(target);
  }

  public String getNamespace() {
    return namespace;
  }

  /** The web UI's address, or null when there is none. */
  public String getUiUrl() {
    return uiUrl == null || uiUrl.isBlank() ? null : uiUrl;
  }

  public int getInProcessPort() {
    return inProcessPort;
  }
}
