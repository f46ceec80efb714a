package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Development only: load demo data and demo users on first start. Production leaves this off, so it
 * has no default users.
 */
public class DemoConfig {

  @JsonProperty private boolean loadOnStart = false;

  @JsonProperty private String password;

  @JsonProperty private String supportApiKey;

  public boolean isLoadOnStart() {
    return loadOnStart;
  }

  public String getPassword() {
    return password;
  }

  public String getSupportApiKey() {
    return supportApiKey;
  }

  @Override
  public String toString() {
    return "DemoConfig{loadOnStart=" + loadOnStart + "}";
  }
}
