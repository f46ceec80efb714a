package uk.gov.courier.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.specialized.BlockBlobClient;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.testing.Azurite;

class BlockUploadOutputStreamIT {

  private static final int BLOCK = 1024 * 1024;

  private final BlobStore store = new BlobStore(Azurite.connectionString(), "block-upload-test");

  @Test
  void aFileOfManyBlocksArrivesWholeAndOnlyWhenClosed() {
    store.ensureContainer();
    BlockBlobClient blob = store.container().getBlobClient("many-blocks.csv").getBlockBlobClient();
    byte[] content = randomBytes(3 * BLOCK + 12_345, 1);

    BlockUploadOutputStream out =
        new BlockUploadOutputStream(blob, new BlobHttpHeaders().setContentType("text/csv"), BLOCK);
    for (int i = 0; i < content.length; i += 7_000) {
      out.write(content, i, Math.min(7_000, content.length - i));
    }
    assertThat(blob.exists()).as("nothing is visible before the commit").isFalse();
    out.close();

    assertThat(blob.downloadContent().toBytes()).isEqualTo(content);
    assertThat(blob.getProperties().getContentType()).isEqualTo("text/csv");
    assertThat(blob.listBlocks(BlockListType.COMMITTED).getCommittedBlocks()).hasSize(4);
  }

  @Test
  void aSecondUploadToTheSameNameReplacesTheFirstEvenWhenShorter() {
    store.ensureContainer();
    BlockBlobClient blob = store.container().getBlobClient("retried.csv").getBlockBlobClient();
    byte[] first = randomBytes(2 * BLOCK + 10, 2);
    byte[] second = randomBytes(BLOCK / 2, 3);

    try (BlockUploadOutputStream out =
        new BlockUploadOutputStream(blob, new BlobHttpHeaders(), BLOCK)) {
      out.write(first, 0, first.length);
    }
    try (BlockUploadOutputStream out =
        new BlockUploadOutputStream(blob, new BlobHttpHeaders(), BLOCK)) {
      out.write(second, 0, second.length);
    }

    assertThat(blob.downloadContent().toBytes()).isEqualTo(second);
  }

  @Test
  void anEmptyFileIsStillCommitted() {
    store.ensureContainer();
    BlockBlobClient blob = store.container().getBlobClient("empty.csv").getBlockBlobClient();

    new BlockUploadOutputStream(blob, new BlobHttpHeaders(), BLOCK).close();

    assertThat(blob.downloadContent().toBytes()).isEmpty();
  }

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
