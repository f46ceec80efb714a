package uk.gov.courier.console.layout;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import uk.gov.courier.email.GovUkDates;

/** Values as GOV.UK's style guide writes them, in UK time and British English. */
public final class Formats {

  private Formats() {}

  /** {@code "2:05pm on 4 December 2026"}; empty for null. */
  public static String dateTime(Instant instant) {
    return instant == null ? "" : GovUkDates.timeOnDate(instant);
  }

  /** {@code "£1,234.50"}. */
  public static String money(Long pence) {
    if (pence == null) {
      return "";
    }
    NumberFormat pounds = NumberFormat.getCurrencyInstance(Locale.UK);
    return pounds.format(BigDecimal.valueOf(pence, 2));
  }

  /** {@code "1,518"}. */
  public static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.UK).format(n);
  }

  /** {@code "1 claim"}, {@code "1,518 claims"}. */
  public static String plural(long n, String one, String many) {
    return count(n) + " " + (n == 1 ? one : many);
  }

  /** {@code "245.3 KB (251,187 bytes)"}. */
  public static String bytes(long bytes) {
    String exact = plural(bytes, "byte", "bytes");
    if (bytes < 1024) {
      return exact;
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.UK, "%.1f %s (%s)", value, units[unit], exact);
  }

  /** {@code "7 days"}, {@code "12 hours"}, {@code "30 minutes"}, {@code "1 day and 6 hours"}. */
  public static String duration(Duration duration) {
    long days = duration.toDays();
    long hours = duration.toHoursPart();
    long minutes = duration.toMinutesPart();
    StringBuilder text = new StringBuilder();
    append(text, days, "day", "days");
    append(text, hours, "hour", "hours");
    append(text, minutes, "minute", "minutes");
    return text.length() == 0 ? plural(duration.toSeconds(), "second", "seconds") : text.toString();
  }

  /** {@code "payment_in_progress"} → {@code "Payment in progress"}. */
  public static String words(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    String spaced = code.replace('_', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** {@code "payments"} → {@code "Payments"}. */
  public static String kind(String kind) {
    return words(kind);
  }

  private static void append(StringBuilder text, long n, String one, String many) {
    if (n == 0) {
      return;
    }
    if (text.length() > 0) {
      text.append(" and ");
    }
    text.append(plural(n, one, many));
  }
}
