package uk.gov.courier.send;

import uk.gov.courier.workflows.send.SendKind;
import uk.gov.courier.workflows.send.SendState;

/** Which sends to list; null fields match everything. Newest first, at most {@code limit}. */
public record SendFilter(SendState state, SendKind kind, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  public SendFilter {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }
}
