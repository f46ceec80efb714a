package uk.gov.courier.export;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlockBlobCommitBlockListOptions;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Writes a block blob one block at a time: each full block is staged before the writer may go on,
 * so memory holds at most one block however large the file. (The SDK's own BlobOutputStream queues
 * every write until the network takes it, which grows with the file when storage is slower than the
 * export.) Nothing is visible until {@link #close()} commits the block list, so a failed export
 * never leaves a partial file; block IDs are the block's position, so a retried export restages the
 * same IDs and its commit replaces the blob.
 */
final class BlockUploadOutputStream extends OutputStream {

  private final BlockBlobClient blob;
  private final BlobHttpHeaders headers;
  private final byte[] block;
  private final List<String> blockIds = new ArrayList<>();
  private int filled;
  private boolean closed;

  BlockUploadOutputStream(BlockBlobClient blob, BlobHttpHeaders headers, int blockSize) {
    this.blob = blob;
    this.headers = headers;
    this.block = new byte[blockSize];
  }

  @Override
  public void write(int b) {
    if (filled == block.length) {
      stage();
    }
    block[filled++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      if (filled == block.length) {
        stage();
      }
      int n = Math.min(length, block.length - filled);
      System.arraycopy(bytes, offset, block, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  /** Stages what is buffered and commits every block as the blob, replacing any earlier one. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (filled > 0 || blockIds.isEmpty()) {
      stage();
    }
    blob.commitBlockListWithResponse(
        new BlockBlobCommitBlockListOptions(blockIds).setHeaders(headers), null, null);
    closed = true;
  }

  private void stage() {
    String id =
        Base64.getEncoder()
            .encodeToString(
                String.format("block-%08d", blockIds.size()).getBytes(StandardCharsets.US_ASCII));
    blob.stageBlock(id, BinaryData.fromBytes(Arrays.copyOf(block, filled)));
    blockIds.add(id);
    filled = 0;
  }
}
