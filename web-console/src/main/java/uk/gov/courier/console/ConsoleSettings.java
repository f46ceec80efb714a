package uk.gov.courier.console;

/**
 * What the console's pages need from Courier's configuration.
 *
 * @param secureCookies mark cookies {@code Secure} (and use the {@code __Host-} prefix); only plain
 *     HTTP development turns this off
 * @param outboxUrl development only: the Notify-compatible server's outbox page, or null
 * @param workflowUrlPrefix the address in Temporal's web UI that a workflow ID completes, for links
 *     to a send's workflow history, or null
 * @param payerName the payments agency's name
 */
public record ConsoleSettings(
    boolean secureCookies, String outboxUrl, String workflowUrlPrefix, String payerName) {

  public ConsoleSettings {
    outboxUrl = blankToNull(outboxUrl);
    workflowUrlPrefix = blankToNull(workflowUrlPrefix);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
