package uk.gov.courier.export;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * What one kind of file holds: its columns, in order, and the query that streams its rows.
 *
 * @param <R> the row record; it carries only the fields the file may hold
 */
public record ExportLayout<R>(List<CsvColumn<R>> columns, RowSource<R> rows) {

  /** Opens a streaming query for a send's rows; the caller closes it. */
  @FunctionalInterface
  public interface RowSource<R> {
    ResultIterator<R> open(Handle handle, UUID sendId);
  }

  public ExportLayout {
    columns = List.copyOf(columns);
  }

  public List<String> headers() {
    return columns.stream().map(CsvColumn::header).toList();
  }

  /** The cells of one row, in column order. */
  public String[] cells(R row) {
    String[] cells = new String[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = columns.get(i).cell().apply(row);
    }
    return cells;
  }
}
