package uk.gov.courier.send;

import java.util.List;
import uk.gov.courier.claims.WaitingClaims;

/**
 * What support staff see first: sends waiting for a person, sends under way, the latest finished
 * ones, and how many claims are waiting to be sent.
 */
public record Dashboard(
    List<SendView> awaitingConfirmation,
    List<SendView> inProgress,
    List<SendView> recent,
    WaitingClaims waiting) {

  public Dashboard {
    awaitingConfirmation = List.copyOf(awaitingConfirmation);
    inProgress = List.copyOf(inProgress);
    recent = List.copyOf(recent);
  }
}
