package uk.gov.courier.api.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** GOV.UK Notify: the API key, the API's base URL and the IDs of Courier's email templates. */
public class NotifyConfig {

  private static final String UUID_PATTERN =
      "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

  /** {@code {key_name}-{service_id}-{secret}}, as Notify issues it. */
  @JsonProperty
  @NotBlank
  @Pattern(
      regexp = "^.+-[0-9a-f-]{36}-[0-9a-f-]{36}$",
      message = "must be a Notify API key: key name, service ID and secret joined by hyphens")
  private String apiKey;

  @JsonProperty @NotBlank private String baseUrl = "https://api.notifications.service.gov.uk";

  @JsonProperty
  @NotBlank
  @Pattern(regexp = UUID_PATTERN)
  private String payerTemplateId;

  @JsonProperty
  @NotBlank
  @Pattern(regexp = UUID_PATTERN)
  private String providerTemplateId;

  /** Development only: the Notify-compatible server's outbox page, linked from the console. */
  @JsonProperty private String outboxUrl;

  /**
   * Notify's rate limit for Courier's key: at most this many emails a minute across every worker
   * (Notify allows 3,000 for a live key); 0 turns the pacing off.
   */
  @JsonProperty
  @Min(0)
  private int rateLimitPerMinute = 3000;

  public String getApiKey() {
    return apiKey;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public String getPayerTemplateId() {
    return payerTemplateId;
  }

  public String getProviderTemplateId() {
    return providerTemplateId;
  }

  public int getRateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  /** The outbox page's address, or null outside development. */
  public String getOutboxUrl() {
    return outboxUrl == null || outboxUrl.isBlank() ? null : outboxUrl;
  }

  @Override
  public String toString() {
    return "NotifyConfig{baseUrl=" + baseUrl + ", apiKey=<redacted>}";
  }
}
