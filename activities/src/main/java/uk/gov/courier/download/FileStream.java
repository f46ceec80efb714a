package uk.gov.courier.download;

import java.io.IOException;
import java.io.OutputStream;

/** The file, written to the recipient once; a failure before the last byte gives the link back. */
@FunctionalInterface
public interface FileStream {

  void writeTo(OutputStream out) throws IOException;
}
