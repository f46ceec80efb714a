package uk.gov.courier.sampling;

/**
 * The configuration provider sampling needs, taken from Courier's config by the api module.
 *
 * @param returnWithinDays how many days providers have to return their file: the email's {@code
 *     return_by_date} is this many days after their first link was made, moved to the Monday after
 *     if it falls on a weekend; default {@link #DEFAULT_RETURN_WITHIN_DAYS}
 * @param maxUploadBytes the largest sample file support may upload; default {@link
 *     #DEFAULT_MAX_UPLOAD_BYTES}
 */
public record SamplingSettings(int returnWithinDays, long maxUploadBytes) {

  /** Three weeks, as the current service gives providers. */
  public static final int DEFAULT_RETURN_WITHIN_DAYS = 21;

  /** 2 MB: a sample of 20,000 claims is well under 1 MB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024;

  public SamplingSettings {
    if (returnWithinDays < 1) {
      throw new IllegalArgumentException("returnWithinDays must be at least 1");
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("maxUploadBytes must be at least 1");
    }
  }

  public static SamplingSettings defaults() {
    return new SamplingSettings(DEFAULT_RETURN_WITHIN_DAYS, DEFAULT_MAX_UPLOAD_BYTES);
  }
}
