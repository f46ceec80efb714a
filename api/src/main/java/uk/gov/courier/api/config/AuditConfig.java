package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The workflow history archiver, on the worker role: how often it looks for closed sends whose
 * history is not yet in blob storage, and how long it waits before trying a send again after
 * Temporal could not give its history.
 */
public class AuditConfig {

  @JsonProperty
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  private Duration historyArchiveInterval = Duration.minutes(1);

  @JsonProperty
  @NotNull
  @MinDuration(value = 0, unit = TimeUnit.SECONDS)
  private Duration historyArchiveRetryAfter = Duration.minutes(5);

  public Duration getHistoryArchiveInterval() {
    return historyArchiveInterval;
  }

  public Duration getHistoryArchiveRetryAfter() {
    return historyArchiveRetryAfter;
  }
}
