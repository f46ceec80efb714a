package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import uk.gov.courier.sampling.SamplingSettings;

/**
 * Provider sampling: how many days providers get to return their file (the deadline in their email,
 * moved off weekends), and the largest sample file the console accepts.
 */
public class SamplingConfig {

  @JsonProperty
  @Min(1)
  @Max(365)
  private int returnWithinDays = SamplingSettings.DEFAULT_RETURN_WITHIN_DAYS;

  @JsonProperty
  @Min(1024)
  @Max(100L * 1024 * 1024)
  private long maxUploadBytes = SamplingSettings.DEFAULT_MAX_UPLOAD_BYTES;

  public int getReturnWithinDays() {
    return returnWithinDays;
  }

  public long getMaxUploadBytes() {
    return maxUploadBytes;
  }

  public SamplingSettings settings() {
    return new SamplingSettings(returnWithinDays, maxUploadBytes);
  }
}
