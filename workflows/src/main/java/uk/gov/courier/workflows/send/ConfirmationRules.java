package uk.gov.courier.workflows.send;

/**
 * Who may confirm or cancel a send, and when: the validators' rules, shared by every workflow that
 * waits for a person (a payer send and a sampling send). Pure functions of the request and the
 * send's state, so they are deterministic and leave no trace in history; the messages are sentences
 * a person can act on.
 */
public final class ConfirmationRules {

  private ConfirmationRules() {}

  /**
   * Refuses a blank confirmer, a send not awaiting confirmation, and, under the second-person rule,
   * the person who started it.
   */
  public static void validateConfirm(SendInput input, SendState state, ConfirmRequest request) {
    if (request == null || isBlank(request.confirmedBy())) {
      throw new IllegalArgumentException("Say who is confirming this send");
    }
    requireAwaitingConfirmation(state, false);
    if (input.requireSecondPerson()
        && request.confirmedBy().trim().equalsIgnoreCase(input.createdBy().trim())) {
      throw new IllegalArgumentException("The person who started a send cannot confirm it");
    }
  }

  /** Refuses a cancel without a name or a reason, or of a send not awaiting confirmation. */
  public static void validateCancel(SendState state, CancelRequest request) {
    if (request == null || isBlank(request.cancelledBy())) {
      throw new IllegalArgumentException("Say who is cancelling this send");
    }
    if (isBlank(request.reason())) {
      throw new IllegalArgumentException("Give a reason for cancelling this send");
    }
    requireAwaitingConfirmation(state, true);
  }

  private static void requireAwaitingConfirmation(SendState state, boolean cancelling) {
    String refusal =
        switch (state) {
          case AWAITING_CONFIRMATION -> null;
          case CANCELLED ->
              cancelling ? "This send has already been cancelled" : "This send was cancelled";
          case UNCONFIRMED -> "This send was not confirmed in time, so it has closed";
          default ->
              cancelling
                  ? "This send has already been confirmed, so it can no longer be cancelled"
                  : "This send has already been confirmed";
        };
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
