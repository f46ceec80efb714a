package uk.gov.courier.export;

import java.math.BigDecimal;

/**
 * How values become CSV cells (docs/decisions/0002-csv-format.md).
 *
 * <ul>
 *   <li>Text that a spreadsheet would read as a formula — beginning with {@code =}, {@code +},
 *       {@code -}, {@code @}, a tab or a carriage return — gets a single quote in front, as OWASP's
 *       CSV injection guidance says. Spreadsheets then show it as text.
 *   <li>Money is pounds with exactly two decimals and no symbol or separators ({@code 1234.50}), so
 *       spreadsheets read it as a number. Numeric cells are never altered.
 * </ul>
 */
public final class CsvCells {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private CsvCells() {}

  /** A text cell, neutralised if it could start a formula; null becomes empty. */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** Pence as pounds with two decimals, e.g. 123450 → {@code "1234.50"}; null becomes empty. */
  public static String pounds(Long pence) {
    return pence == null ? "" : BigDecimal.valueOf(pence, 2).toPlainString();
  }
}
