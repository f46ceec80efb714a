package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.concurrent.TimeUnit;

/** How sends and their links behave. */
public class SendsConfig {

  /** How long a link works after its email is sent. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration linkLifetime = Duration.days(7);

  /** How long a send waits for someone to confirm it before it ends unconfirmed. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration confirmationTimeout = Duration.days(7);

  /** How long a failed send waits for someone to retry it before it is abandoned. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration retryWindow = Duration.days(7);

  /** When on, the person who started a send cannot confirm it. */
  @JsonProperty private boolean requireSecondPerson = false;

  /** Where links in emails point: the public address of the download pages. */
  @JsonProperty @NotBlank private String publicBaseUrl = "http://localhost:8080";

  /**
   * The key that turns a link ID into its token (HMAC-SHA256). At least 32 characters. Rotating it
   * invalidates every live link.
   */
  @JsonProperty
  @NotBlank
  @Size(min = 32, message = "must be at least 32 characters of random text")
  private String linkTokenKey;

  /** Shown to recipients and on error pages: where to ask for a new link. */
  @JsonProperty @NotBlank private String supportEmailAddress = "support@courier.test";

  public Duration getLinkLifetime() {
    return linkLifetime;
  }

  public Duration getConfirmationTimeout() {
    return confirmationTimeout;
  }

  public Duration getRetryWindow() {
    return retryWindow;
  }

  public boolean isRequireSecondPerson() {
    return requireSecondPerson;
  }

  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  public String getLinkTokenKey() {
    return linkTokenKey;
  }

  public String getSupportEmailAddress() {
    return supportEmailAddress;
  }
}
