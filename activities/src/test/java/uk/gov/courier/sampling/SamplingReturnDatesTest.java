package uk.gov.courier.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.courier.email.GovUkDates;

class SamplingReturnDatesTest {

  @ParameterizedTest(name = "{0} + {1} days -> {2}")
  @CsvSource({
    // a weekday stays
    "2026-12-04T10:00:00Z, 21, 2026-12-25",
    // Saturday and Sunday move to the Monday after
    "2026-12-05T10:00:00Z, 21, 2026-12-28",
    "2026-12-06T10:00:00Z, 21, 2026-12-28",
    "2026-12-07T10:00:00Z, 5, 2026-12-14",
    // the day is the UK's: 23:30 UTC on 30 June is 00:30 on 1 July in London
    "2026-06-30T23:30:00Z, 4, 2026-07-06",
  })
  void theDeadlineIsSoManyDaysLaterAndNeverAtTheWeekend(
      Instant from, int days, LocalDate expected) {
    assertThat(ReturnDates.returnBy(from, days)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2026-12-28, 28 December 2026", "2027-01-04, 4 January 2027"})
  void theDateReadsAsGovUkWritesIt(LocalDate date, String text) {
    assertThat(GovUkDates.date(date)).isEqualTo(text);
  }
}
