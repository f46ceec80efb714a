package uk.gov.courier.console.samples;

import java.util.List;
import uk.gov.courier.console.ConsoleSettings;
import uk.gov.courier.console.auth.ConsoleUser;
import uk.gov.courier.console.layout.ConsolePageView;
import uk.gov.courier.console.layout.Formats;
import uk.gov.courier.console.layout.Section;
import uk.gov.courier.sampling.SampleCheck;
import uk.gov.courier.sampling.SampleRowError;
import uk.gov.courier.sampling.SamplingSettings;

/**
 * {@code sample-upload.mustache}: the upload form, and, after an upload Courier refused, why: the
 * whole file's problem, or every row's problems in a table, with the form again to upload a
 * corrected file. The error summary links to the file input.
 */
public final class SampleUploadView extends ConsolePageView {

  private final SampleCheck check;
  private final SamplingSettings sampling;

  public SampleUploadView(
      SampleCheck check, SamplingSettings sampling, ConsoleUser user, ConsoleSettings settings) {
    super(
        "sample-upload.mustache",
        "Upload a sample for provider sampling",
        user,
        settings,
        Section.START_SEND);
    this.check = check;
    this.sampling = sampling;
    if (check != null) {
      if (check.fileError() != null) {
        addFieldError(SamplesResource.FILE_FIELD, check.fileError());
      } else if (!check.errors().isEmpty()) {
        addFieldError(
            SamplesResource.FILE_FIELD,
            "The selected file has "
                + Formats.plural(check.errors().size(), "error", "errors")
                + ": correct "
                + (check.errors().size() == 1 ? "it" : "them")
                + " and upload the file again");
      }
    }
  }

  public String getMaxSize() {
    return Formats.bytes(sampling.maxUploadBytes());
  }

  public boolean hasChecked() {
    return check != null;
  }

  public String getFilename() {
    return check == null ? null : check.filename();
  }

  public boolean hasRowErrors() {
    return check != null && check.fileError() == null && !check.errors().isEmpty();
  }

  public String getRowErrorsPhrase() {
    return check == null
        ? ""
        : Formats.plural(check.errors().size(), "error", "errors")
            + " in "
            + Formats.plural(check.rowCount(), "row", "rows");
  }

  public List<RowError> getRowErrors() {
    return check == null ? List.of() : check.errors().stream().map(RowError::new).toList();
  }

  public String getFileError() {
    return check == null ? null : check.fileError();
  }

  /** One row's problem, for the table. */
  public static final class RowError {
    private final SampleRowError error;

    RowError(SampleRowError error) {
      this.error = error;
    }

    public String getRow() {
      return error.row() <= 0 ? "" : Integer.toString(error.row());
    }

    public String getClaimReference() {
      return error.claimReference() == null || error.claimReference().isBlank()
          ? "(none)"
          : error.claimReference();
    }

    public String getMessage() {
      return error.message();
    }
  }
}
