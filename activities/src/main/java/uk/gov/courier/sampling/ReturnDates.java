package uk.gov.courier.sampling;

import java.time.Instant;
import java.time.LocalDate;
import uk.gov.courier.email.GovUkDates;

/** When a provider must return its sample file. */
public final class ReturnDates {

  private ReturnDates() {}

  /**
   * {@code days} after {@code from} (a UK date), moved to the following Monday when it falls on a
   * Saturday or Sunday.
   */
  public static LocalDate returnBy(Instant from, int days) {
    LocalDate due = LocalDate.ofInstant(from, GovUkDates.UK).plusDays(days);
    return switch (due.getDayOfWeek()) {
      case SATURDAY -> due.plusDays(2);
      case SUNDAY -> due.plusDays(1);
      default -> due;
    };
  }
}
