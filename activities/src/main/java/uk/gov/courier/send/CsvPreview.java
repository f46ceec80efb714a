package uk.gov.courier.send;

import java.util.List;

/**
 * The first rows of a send's file exactly as the CSV will hold them: the header, then each row's
 * cells after the export's own rules (formula neutralisation, money as pounds), and the same rows
 * as the CSV text itself (without the byte-order mark).
 */
public record CsvPreview(List<String> headers, List<List<String>> rows, String csvText) {

  public CsvPreview {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
