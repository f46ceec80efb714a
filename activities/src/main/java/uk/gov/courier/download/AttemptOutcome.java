package uk.gov.courier.download;

import java.util.Locale;

/**
 * The outcome recorded for each request to a download address ({@code download_attempts.outcome}).
 * The {@linkplain #counted() counted} ones are failed guesses, which the rate limits count.
 */
enum AttemptOutcome {
  VIEWED(false),
  UNKNOWN_LINK(true),
  ALREADY_USED(false),
  EXPIRED(false),
  REVOKED(false),
  TOO_MANY_ATTEMPTS(false),
  BAD_FORM_TOKEN(true),
  ADDRESS_MISSING(false),
  WRONG_ADDRESS(true),
  FILE_UNAVAILABLE(false),
  STREAMING(false),
  DOWNLOADED(false),
  STREAM_FAILED(false),
  STREAM_ABANDONED(false);

  private final boolean counted;

  AttemptOutcome(boolean counted) {
    this.counted = counted;
  }

  boolean counted() {
    return counted;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AttemptOutcome refusal(LinkState state) {
    return switch (state) {
      case USED -> ALREADY_USED;
      case EXPIRED -> EXPIRED;
      case REVOKED -> REVOKED;
      case LIVE -> throw new IllegalArgumentException("A live link is not a refusal");
    };
  }
}
