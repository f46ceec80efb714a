package uk.gov.courier.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"Click\")",
        "+44 International Academy",
        "-Minus Infant School",
        "@Home Learning Centre",
        "\tTabbed Primary School",
        "\rCarriage Return School"
      })
  void textThatCouldStartAFormulaGetsALeadingQuote(String value) {
    assertThat(CsvCells.text(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "St Mary's C of E Primary School",
        "École Française",
        "Smith, Jones & Partners Academy",
        "The \"Quoted\" School",
        "100001",
        "Line One\nLine Two",
        " leading space",
        "'already quoted"
      })
  void otherTextIsLeftExactlyAsItIs(String value) {
    assertThat(CsvCells.text(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.00",
    "1, 0.01",
    "50, 0.50",
    "123450, 1234.50",
    "5360, 53.60",
    "100000000, 1000000.00",
    "-250, -2.50"
  })
  void penceBecomePoundsWithTwoDecimalsAndNoSeparators(long pence, String pounds) {
    assertThat(CsvCells.pounds(pence)).isEqualTo(pounds);
  }

  @ParameterizedTest
  @ValueSource(longs = {-250L, -1L})
  void numericCellsAreNeverNeutralisedEvenWhenNegative(long pence) {
    assertThat(CsvCells.pounds(pence)).startsWith("-");
  }

  @org.junit.jupiter.api.Test
  void missingValuesAreEmptyCells() {
    assertThat(CsvCells.text(null)).isEmpty();
    assertThat(CsvCells.text("")).isEmpty();
    assertThat(CsvCells.pounds(null)).isEmpty();
  }
}
