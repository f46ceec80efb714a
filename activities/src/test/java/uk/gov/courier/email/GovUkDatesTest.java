package uk.gov.courier.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovUkDatesTest {

  @ParameterizedTest
  @CsvSource({
    "2026-12-11T17:30:00Z, 5:30pm on 11 December 2026",
    "2025-01-17T17:00:00Z, 5pm on 17 January 2025",
    "2026-07-01T08:05:00Z, 9:05am on 1 July 2026",
    "2026-03-03T12:00:00Z, midday on 3 March 2026",
    "2026-03-03T00:00:00Z, midnight on 3 March 2026",
    "2026-06-10T23:30:00Z, 12:30am on 11 June 2026"
  })
  void timesReadAsGovUkWritesThemInUkTime(String instant, String expected) {
    assertThat(GovUkDates.timeOnDate(Instant.parse(instant))).isEqualTo(expected);
  }
}
