package uk.gov.courier.download;

import java.time.Duration;

/**
 * The configuration downloads need, taken from Courier's config by the api module.
 *
 * @param payerName the payments agency's name: who payments and clawbacks files are for
 * @param supportEmailAddress where recipients ask for a new link
 * @param formTokenSecret Courier's link token key, from which the form token key is derived
 * @param perLink failed attempts allowed on one link
 * @param perClient failed attempts allowed from one client address, across every link
 */
public record DownloadSettings(
    String payerName,
    String supportEmailAddress,
    byte[] formTokenSecret,
    RateLimit perLink,
    RateLimit perClient) {

  /** Five wrong addresses (or forged forms) on a link in 15 minutes. */
  public static final RateLimit PER_LINK = new RateLimit(5, Duration.ofMinutes(15));

  /** Twenty failed attempts (unknown links, wrong addresses, forged forms) from one address. */
  public static final RateLimit PER_CLIENT = new RateLimit(20, Duration.ofMinutes(15));

  public static DownloadSettings of(
      String payerName, String supportEmailAddress, byte[] formTokenSecret) {
    return new DownloadSettings(
        payerName, supportEmailAddress, formTokenSecret.clone(), PER_LINK, PER_CLIENT);
  }

  @Override
  public String toString() {
    return "DownloadSettings{payerName="
        + payerName
        + ", supportEmailAddress="
        + supportEmailAddress
        + ", formTokenSecret=<redacted>, perLink="
        + perLink
        + ", perClient="
        + perClient
        + "}";
  }
}
