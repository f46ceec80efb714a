package uk.gov.courier.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as GOV.UK's style guide writes them, in UK time: {@code "5:30pm on 11 December
 * 2026"}, {@code "5pm on 17 January 2025"}, {@code "midday on 3 March 2026"}, {@code "midnight on 3
 * March 2026"} (the midnight at the start of that day).
 */
public final class GovUkDates {

  public static final ZoneId UK = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private GovUkDates() {}

  /** The time, then the date: for sentences like "It expires at 5:30pm on 11 December 2026". */
  public static String timeOnDate(Instant instant) {
    ZonedDateTime uk = instant.atZone(UK);
    return time(uk) + " on " + uk.format(DATE);
  }

  /** A date as GOV.UK writes it: {@code "31 January 2025"}. */
  public static String date(LocalDate date) {
    return date.format(DATE);
  }

  private static String time(ZonedDateTime t) {
    int hour = t.getHour();
    int minute = t.getMinute();
    if (minute == 0 && hour == 0) {
      return "midnight";
    }
    if (minute == 0 && hour == 12) {
      return "midday";
    }
    int twelve = hour % 12 == 0 ? 12 : hour % 12;
    String suffix = hour < 12 ? "am" : "pm";
    return minute == 0
        ? twelve + suffix
        : twelve + ":" + String.format(Locale.ROOT, "%02d", minute) + suffix;
  }
}
