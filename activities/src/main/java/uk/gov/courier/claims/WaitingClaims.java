package uk.gov.courier.claims;

import java.util.List;

/**
 * Claims ready to go and in no open send of their kind: per claim window for payments (every
 * window, with zero where none are waiting), and in all for clawbacks.
 */
public record WaitingClaims(List<Window> payments, int clawbacks) {

  public WaitingClaims {
    payments = List.copyOf(payments);
  }

  /** Submitted claims of one window that a payments send would take now. */
  public record Window(ClaimWindow window, int claims) {}

  public int paymentsTotal() {
    return payments.stream().mapToInt(Window::claims).sum();
  }
}
