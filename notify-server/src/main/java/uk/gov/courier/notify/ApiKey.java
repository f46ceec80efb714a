package uk.gov.courier.notify;

import java.util.regex.Pattern;

/**
 * A GOV.UK Notify API key, {@code {key_name}-{service_id}-{secret}}, split the way the official
 * client splits it: the secret is the last 36 characters and the service id the 36 before the
 * hyphen that precedes the secret.
 */
record ApiKey(String keyName, String serviceId, String secret) {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  static ApiKey parse(String apiKey) {
    if (apiKey == null || apiKey.length() < 74) {
      throw new IllegalArgumentException(
          "API key must look like {key_name}-{service_id uuid}-{secret uuid}");
    }
    int length = apiKey.length();
    String secret = apiKey.substring(length - 36);
    String serviceId = apiKey.substring(length - 73, length - 37);
    String keyName = length > 74 ? apiKey.substring(0, length - 74) : "";
    if (!UUID_TEXT.matcher(secret).matches() || !UUID_TEXT.matcher(serviceId).matches()) {
      throw new IllegalArgumentException(
          "API key must end with {service_id uuid}-{secret uuid} (the key itself is not shown)");
    }
    return new ApiKey(keyName, serviceId, secret);
  }

  static boolean isUuid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "ApiKey[keyName=" + keyName + ", serviceId=" + serviceId + ", secret=(hidden)]";
  }
}
