package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import uk.gov.service.notify.NotificationClientException;

/** Catches the one exception the official client throws, failing if nothing was thrown. */
final class ClientErrors {

  static NotificationClientException clientError(ThrowingCallable call) {
    NotificationClientException error =
        catchThrowableOfType(NotificationClientException.class, call);
    if (error == null) {
      throw new AssertionError("Expected the Notify client to throw NotificationClientException");
    }
    return error;
  }

  private ClientErrors() {}
}
