package uk.gov.courier.export;

import java.util.function.Function;

/**
 * One column of an exported file: its header and how a row becomes its cell. Build columns with the
 * factories, which apply {@link CsvCells}' rules, so no column can skip neutralisation.
 */
public record CsvColumn<R>(String header, Function<R, String> cell) {

  /** A text column: values that could start a formula are neutralised. */
  public static <R> CsvColumn<R> text(String header, Function<R, String> value) {
    return new CsvColumn<>(header, row -> CsvCells.text(value.apply(row)));
  }

  /** A money column: pence shown as pounds with two decimals. */
  public static <R> CsvColumn<R> pounds(String header, Function<R, Long> pence) {
    return new CsvColumn<>(header, row -> CsvCells.pounds(pence.apply(row)));
  }

  /** A whole-number column. */
  public static <R> CsvColumn<R> number(String header, Function<R, ? extends Number> value) {
    return new CsvColumn<>(
        header,
        row -> {
          Number n = value.apply(row);
          return n == null ? "" : n.toString();
        });
  }

  /** An empty column for the recipient to fill in. */
  public static <R> CsvColumn<R> blank(String header) {
    return new CsvColumn<>(header, row -> "");
  }
}
