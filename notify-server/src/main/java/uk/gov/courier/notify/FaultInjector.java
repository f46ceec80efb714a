package uk.gov.courier.notify;

import java.util.Optional;

/** Holds the fault for the next N requests to {@code /v2/*}. */
final class FaultInjector {

  record State(Fault fault, int remaining) {}

  private Fault fault;
  private int remaining;

  synchronized void failNext(Fault fault, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    this.fault = fault;
    this.remaining = count;
  }

  /** The fault for this request, if any, counting it down. */
  synchronized Optional<Fault> take() {
    if (remaining == 0) {
      return Optional.empty();
    }
    remaining--;
    Fault taken = fault;
    if (remaining == 0) {
      fault = null;
    }
    return Optional.of(taken);
  }

  synchronized Optional<State> state() {
    return remaining == 0 ? Optional.empty() : Optional.of(new State(fault, remaining));
  }

  synchronized void clear() {
    fault = null;
    remaining = 0;
  }
}
