package uk.gov.courier.export;

import com.univocity.parsers.csv.CsvFormat;
import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.LongConsumer;

/**
 * Writes Courier's CSV files (docs/decisions/0002-csv-format.md): UTF-8 with a byte-order mark so
 * Excel shows accents, a header row, RFC 4180 (CRLF line ends; a field holding a comma, quote, CR
 * or LF is quoted, with inner quotes doubled), and values kept exactly, whitespace and line breaks
 * included.
 */
public final class CsvFiles {

  /** The UTF-8 byte-order mark. */
  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final int BUFFER = 64 * 1024;

  private CsvFiles() {}

  /** Univocity settings for RFC 4180 output that keeps every value exactly. */
  public static CsvWriterSettings settings() {
    CsvWriterSettings settings = new CsvWriterSettings();
    CsvFormat format = settings.getFormat();
    format.setDelimiter(',');
    format.setQuote('"');
    format.setQuoteEscape('"');
    format.setLineSeparator("\r\n");
    settings.setQuotationTriggers(',', '"', '\r', '\n');
    settings.setQuoteEscapingEnabled(true);
    settings.setNormalizeLineEndingsWithinQuotes(false);
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setSkipEmptyLines(false);
    return settings;
  }

  /**
   * Writes the BOM, the header and a row per item to {@code out}, then flushes (but does not close)
   * it. {@code progress} hears the number of rows written after each row.
   *
   * @return the number of rows written, not counting the header
   */
  public static <R> long write(
      OutputStream out, ExportLayout<R> layout, Iterator<R> rows, LongConsumer progress)
      throws IOException {
    out.write(BOM);
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
    CsvWriter csv = new CsvWriter(writer, settings());
    csv.writeHeaders(layout.headers());
    long count = 0;
    while (rows.hasNext()) {
      csv.writeRow((Object[]) layout.cells(rows.next()));
      count++;
      progress.accept(count);
    }
    csv.flush();
    writer.flush();
    return count;
  }
}
