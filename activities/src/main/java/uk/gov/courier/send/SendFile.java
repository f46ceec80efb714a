package uk.gov.courier.send;

import java.io.InputStream;

/**
 * A send's exported file, open for reading from blob storage. The caller streams it and closes it.
 */
public record SendFile(String filename, long byteCount, String sha256, InputStream content)
    implements AutoCloseable {

  @Override
  public void close() throws java.io.IOException {
    content.close();
  }
}
