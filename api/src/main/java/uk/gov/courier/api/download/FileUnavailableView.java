package uk.gov.courier.api.download;

import uk.gov.courier.console.layout.PageView;

/** Blob storage could not give the file: the link was not used; try again later. */
public final class FileUnavailableView extends PageView {

  private final String requestId;
  private final String supportEmailAddress;

  FileUnavailableView(String requestId, String supportEmailAddress) {
    super("download/file-unavailable.mustache", "Sorry, the file is not available right now");
    this.requestId = requestId;
    this.supportEmailAddress = supportEmailAddress;
  }

  public String getRequestId() {
    return requestId;
  }

  public String getSupportEmailAddress() {
    return supportEmailAddress;
  }
}
