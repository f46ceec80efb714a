package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Signing in to the console: cookies, session timeouts, and what repeated failures do. */
public class ConsoleConfig {

  /**
   * Mark the console's cookies {@code Secure} (sent over HTTPS only). Turn off only for plain-HTTP
   * development on one's own machine.
   */
  @JsonProperty private boolean secureCookies = true;

  /** A session not used for this long has ended. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration sessionIdleTimeout = Duration.minutes(30);

  /** A session this old has ended, however busy. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MINUTES)
  private Duration sessionAbsoluteTimeout = Duration.hours(12);

  /** Wrong passwords in a row, for one email address, that lock it. */
  @JsonProperty
  @Min(1)
  @Max(100)
  private int maxSignInFailures = 5;

  /** How long an address stays locked after too many wrong passwords. */
  @JsonProperty
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  private Duration signInLockDuration = Duration.minutes(15);

  public boolean isSecureCookies() {
    return secureCookies;
  }

  public Duration getSessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  public Duration getSessionAbsoluteTimeout() {
    return sessionAbsoluteTimeout;
  }

  public int getMaxSignInFailures() {
    return maxSignInFailures;
  }

  public Duration getSignInLockDuration() {
    return signInLockDuration;
  }
}
