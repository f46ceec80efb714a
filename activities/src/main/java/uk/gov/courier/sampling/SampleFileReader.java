package uk.gov.courier.sampling;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an uploaded sample: a CSV file, UTF-8 (with or without a byte-order mark), whose first row
 * has the headings {@code claim_reference} and {@code sample_reason} (in any order, any case, with
 * spaces around them or instead of the underscore; other columns are ignored), then one claim per
 * row. Blank rows are skipped but still counted, so row numbers are the ones a spreadsheet shows.
 *
 * <p>Refuses, with the sentence support see, anything that is not such a file: nothing chosen, an
 * empty file, a PDF, a spreadsheet workbook, an image or any other binary file, a file not named
 * {@code .csv} or sent as another type, text that is not UTF-8, a file that cannot be parsed as
 * CSV, and missing headings (saying which are missing and which were found). Size is checked by the
 * caller before this reads anything.
 */
public final class SampleFileReader {

  public static final String CLAIM_REFERENCE = "claim_reference";
  public static final String SAMPLE_REASON = "sample_reason";
  public static final List<String> HEADINGS = List.of(CLAIM_REFERENCE, SAMPLE_REASON);

  static final String NO_FILE = "Select a CSV file to upload";
  static final String EMPTY = "The selected file is empty";
  static final String NOT_CSV = "The selected file must be a CSV";
  static final String SAVE_AS_CSV =
      "in Excel, choose File, then Save As, then 'CSV UTF-8 (Comma delimited) (.csv)', and upload"
          + " that file";

  static final String UPLOAD_A_CSV =
      "upload the sample as a CSV file with the headings "
          + CLAIM_REFERENCE
          + " and "
          + SAMPLE_REASON;

  private static final int MAX_CHARS_PER_CELL = 10_000;
  private static final int MAX_COLUMNS = 200;

  /** Content types browsers send for a .csv file (Windows with Excel sends the Excel one). */
  private static final Set<String> CSV_CONTENT_TYPES =
      Set.of(
          "text/csv",
          "text/plain",
          "text/x-csv",
          "text/comma-separated-values",
          "text/x-comma-separated-values",
          "application/csv",
          "application/x-csv",
          "application/vnd.ms-excel",
          "application/octet-stream");

  private SampleFileReader() {}

  /** The claims in the file, or why it cannot be read. */
  public static List<SampleFileRow> read(byte[] bytes, String filename, String contentType)
      throws SampleFileProblem {
    if (bytes == null || (bytes.length == 0 && isBlank(filename))) {
      throw new SampleFileProblem(NO_FILE);
    }
    if (bytes.length == 0) {
      throw new SampleFileProblem(EMPTY);
    }
    String kind = binaryKind(bytes);
    if (kind != null) {
      throw new SampleFileProblem(
          NOT_CSV
              + ". It is "
              + kind
              + ": "
              + (kind.contains("spreadsheet") || kind.contains("workbook")
                  ? SAVE_AS_CSV
                  : UPLOAD_A_CSV)
              + ".");
    }
    if (!isBlank(filename) && !filename.trim().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      throw new SampleFileProblem(NOT_CSV + ". Its name must end in .csv: " + SAVE_AS_CSV + ".");
    }
    if (!isCsvContentType(contentType)) {
      throw new SampleFileProblem(
          NOT_CSV + ". It was sent as " + mediaType(contentType) + ": " + UPLOAD_A_CSV + ".");
    }
    if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
      throw new SampleFileProblem(
          "The selected file must be saved as UTF-8, not UTF-16: " + SAVE_AS_CSV + ".");
    }
    if (hasControlBytes(bytes)) {
      throw new SampleFileProblem(
          NOT_CSV + ". It contains binary data, so it is not a text file: " + UPLOAD_A_CSV + ".");
    }
    String text = decodeUtf8(bytes);
    if (text.isBlank()) {
      throw new SampleFileProblem(EMPTY);
    }
    return parse(text);
  }

  private static List<SampleFileRow> parse(String text) throws SampleFileProblem {
    CsvParser parser = new CsvParser(settings());
    int row = 0;
    int referenceColumn = -1;
    int reasonColumn = -1;
    List<SampleFileRow> rows = new ArrayList<>();
    try {
      parser.beginParsing(new StringReader(text));
      String[] cells;
      while ((cells = parser.parseNext()) != null) {
        row++;
        if (referenceColumn < 0) {
          if (isBlankRow(cells)) {
            throw new SampleFileProblem(headingsMissing(HEADINGS, cells));
          }
          int[] columns = headings(cells);
          referenceColumn = columns[0];
          reasonColumn = columns[1];
          continue;
        }
        if (isBlankRow(cells)) {
          continue;
        }
        rows.add(new SampleFileRow(row, cell(cells, referenceColumn), cell(cells, reasonColumn)));
      }
    } catch (TextParsingException e) {
      throw new SampleFileProblem(
          "The selected file could not be read as a CSV at row "
              + Math.max(row + 1, 1)
              + ": check that every quotation mark in it is closed, and that it has one claim per"
              + " row");
    } finally {
      parser.stopParsing();
    }
    if (rows.isEmpty()) {
      throw new SampleFileProblem(
          "The selected file has no claims in it: add one row for each claim under the headings "
              + CLAIM_REFERENCE
              + " and "
              + SAMPLE_REASON);
    }
    return rows;
  }

  /** The columns of claim_reference and sample_reason, or why the headings are not right. */
  private static int[] headings(String[] cells) throws SampleFileProblem {
    int reference = -1;
    int reason = -1;
    for (int i = 0; i < cells.length; i++) {
      String heading = normalise(cells[i]);
      if (heading.equals(CLAIM_REFERENCE)) {
        if (reference >= 0) {
          throw new SampleFileProblem(twice(CLAIM_REFERENCE));
        }
        reference = i;
      } else if (heading.equals(SAMPLE_REASON)) {
        if (reason >= 0) {
          throw new SampleFileProblem(twice(SAMPLE_REASON));
        }
        reason = i;
      }
    }
    List<String> missing = new ArrayList<>();
    if (reference < 0) {
      missing.add(CLAIM_REFERENCE);
    }
    if (reason < 0) {
      missing.add(SAMPLE_REASON);
    }
    if (!missing.isEmpty()) {
      throw new SampleFileProblem(headingsMissing(missing, cells));
    }
    return new int[] {reference, reason};
  }

  private static String headingsMissing(List<String> missing, String[] cells) {
    List<String> found = new ArrayList<>();
    for (String cell : cells) {
      String heading = cell == null ? "" : cell.strip();
      found.add(heading.isEmpty() ? "(blank)" : heading);
    }
    boolean noHeadings = found.stream().allMatch("(blank)"::equals);
    String start =
        missing.size() == HEADINGS.size()
            ? "The selected file is missing the column headings "
                + CLAIM_REFERENCE
                + " and "
                + SAMPLE_REASON
            : "The selected file is missing the column heading " + missing.get(0);
    String foundText =
        noHeadings ? "its first row is blank" : "its first row has " + String.join(", ", found);
    String separators = "";
    if (found.size() == 1 && (found.get(0).contains(";") || found.get(0).contains("\t"))) {
      separators =
          ". Its columns seem to be separated by "
              + (found.get(0).contains(";") ? "semicolons" : "tabs")
              + ", not commas: "
              + SAVE_AS_CSV;
    }
    return start
        + ". The first row must have the headings "
        + CLAIM_REFERENCE
        + " and "
        + SAMPLE_REASON
        + "; "
        + foundText
        + separators;
  }

  private static String twice(String heading) {
    return "The selected file has more than one column headed "
        + heading
        + ": keep one and upload the file again";
  }

  /** A heading as Courier compares it: trimmed, lower case, spaces as underscores. */
  static String normalise(String heading) {
    if (heading == null) {
      return "";
    }
    return heading
        .replace('\u00A0', ' ')
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s]+", "_");
  }

  private static CsvParserSettings settings() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(',');
    settings.getFormat().setQuote('"');
    settings.getFormat().setQuoteEscape('"');
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setHeaderExtractionEnabled(false);
    settings.setSkipEmptyLines(false);
    settings.setIgnoreLeadingWhitespaces(true);
    settings.setIgnoreTrailingWhitespaces(true);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setMaxCharsPerColumn(MAX_CHARS_PER_CELL);
    settings.setMaxColumns(MAX_COLUMNS);
    // Never copy the file's content into an exception message (it could reach a log).
    settings.setErrorContentLength(0);
    return settings;
  }

  private static String cell(String[] cells, int column) {
    if (column >= cells.length || cells[column] == null) {
      return "";
    }
    return cells[column].replace('\u00A0', ' ').strip();
  }

  private static boolean isBlankRow(String[] cells) {
    for (String cell : cells) {
      if (cell != null && !cell.replace('\u00A0', ' ').isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The text, without a UTF-8 byte-order mark; or which row first has bytes that are not UTF-8. */
  private static String decodeUtf8(byte[] bytes) throws SampleFileProblem {
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new SampleFileProblem(
          "The selected file must be saved as UTF-8: row "
              + rowOf(bytes, in.position())
              + " has characters that are not UTF-8. "
              + Character.toUpperCase(SAVE_AS_CSV.charAt(0))
              + SAVE_AS_CSV.substring(1)
              + ".");
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** The line a byte is on, counting from 1: the row a spreadsheet shows, for a simple file. */
  private static int rowOf(byte[] bytes, int position) {
    int row = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        row++;
      }
    }
    return row;
  }

  /** What a file is, from its first bytes, when it is clearly not text; otherwise null. */
  static String binaryKind(byte[] bytes) {
    if (startsWith(bytes, '%', 'P', 'D', 'F')) {
      return "a PDF";
    }
    if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 'P', 'K', 5, 6)) {
      String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
      if (head.contains("xl/") || head.contains("[Content_Types].xml")) {
        return "an Excel workbook (.xlsx)";
      }
      if (head.contains("opendocument.spreadsheet")) {
        return "an OpenDocument spreadsheet (.ods)";
      }
      return "a ZIP file";
    }
    if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      return "an older Excel workbook (.xls)";
    }
    if (startsWith(bytes, 0x89, 'P', 'N', 'G')
        || startsWith(bytes, 0xFF, 0xD8, 0xFF)
        || startsWith(bytes, 'G', 'I', 'F', '8')) {
      return "an image";
    }
    if (startsWith(bytes, 0x1F, 0x8B)) {
      return "a compressed (gzip) file";
    }
    return null;
  }

  /** NUL or other control characters no CSV holds (tab, CR, LF, form feed and EOF are fine). */
  private static boolean hasControlBytes(byte[] bytes) {
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C && c != 0x1A) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCsvContentType(String contentType) {
    if (isBlank(contentType)) {
      return true;
    }
    return CSV_CONTENT_TYPES.contains(mediaType(contentType));
  }

  private static String mediaType(String contentType) {
    String type = contentType == null ? "" : contentType;
    int semicolon = type.indexOf(';');
    return (semicolon >= 0 ? type.substring(0, semicolon) : type).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
