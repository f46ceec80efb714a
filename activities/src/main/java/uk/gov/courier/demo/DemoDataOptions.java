package uk.gov.courier.demo;

/**
 * How much demo data to make. Every claim has one to three mentor trainings (two on average), so
 * {@link #forMentorTrainings(int)} reaches a target number of trainings for benchmarks.
 */
public record DemoDataOptions(int schools, int providers, int claims, long seed) {

  public static final long DEFAULT_SEED = 20250110L;

  public DemoDataOptions {
    if (schools < AwkwardStrings.SCHOOL_NAMES.size()) {
      throw new IllegalArgumentException(
          "schools must be at least " + AwkwardStrings.SCHOOL_NAMES.size());
    }
    if (providers < AwkwardStrings.PROVIDER_NAMES.size()) {
      throw new IllegalArgumentException(
          "providers must be at least " + AwkwardStrings.PROVIDER_NAMES.size());
    }
    if (claims < 100) {
      throw new IllegalArgumentException("claims must be at least 100");
    }
  }

  /** About 2,000 schools, 50 providers and 5,000 claims in several statuses. */
  public static DemoDataOptions defaults() {
    return new DemoDataOptions(2_000, 50, 5_000, DEFAULT_SEED);
  }

  /** Enough claims for {@code trainings} mentor trainings (rounded up to a multiple of 6). */
  public static DemoDataOptions forMentorTrainings(int trainings) {
    int claims = Math.max(100, (trainings + 5) / 6 * 3);
    return new DemoDataOptions(Math.max(2_000, claims / 50), 50, claims, DEFAULT_SEED);
  }

  /** Trainings for claim number {@code i}: 1, 2, 3, 1, 2, 3, ... */
  static int trainingsFor(int claimIndex) {
    return 1 + claimIndex % 3;
  }

  public long mentorTrainings() {
    long full = (long) (claims / 3) * 6;
    int rest = claims % 3;
    return full + (rest >= 1 ? 1 : 0) + (rest >= 2 ? 2 : 0);
  }
}
