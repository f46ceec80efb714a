package uk.gov.courier.api.download;

import com.azure.core.util.BinaryData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.links.LinkTokens;

/**
 * Builds what a download needs without running a send: a {@code sends} row with its file recorded,
 * the file in Azurite, and a {@code links} row whose token is made by {@link LinkTokens} under the
 * test configuration's key. Every token made is remembered, so tests can look for it in logs.
 */
final class DownloadFixtures {

  /** The key in courier-test.yml. */
  static final String LINK_TOKEN_KEY = "test-only-link-token-key-0123456789abcdef0123";

  static final String ADDRESS = "finance@payer.example.org";

  /** A CSV as the export writes it: BOM, header, CRLF, accents, a formula-looking cell. */
  static final byte[] CSV =
      concat(
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          ("claim_reference,school_name,claim_amount\r\n"
                  + "12345678,École Saint-Étienne,1500.00\r\n"
                  + "23456789,'=HYPERLINK(\"x\"),250.00\r\n")
              .getBytes(StandardCharsets.UTF_8));

  static final Set<String> TOKENS_MADE = ConcurrentHashMap.newKeySet();

  private final Jdbi jdbi;
  private final BlobStore blobs;
  private final LinkTokens tokens = new LinkTokens(LINK_TOKEN_KEY.getBytes(StandardCharsets.UTF_8));

  DownloadFixtures(Jdbi jdbi, BlobStore blobs) {
    this.jdbi = jdbi;
    this.blobs = blobs;
  }

  /** A live link to {@link #ADDRESS} for a payments file holding {@link #CSV}. */
  Link aLiveLink() {
    return aLink(CSV, true);
  }

  /** A live link to a file holding {@code content}; the blob is uploaded when {@code upload}. */
  Link aLink(byte[] content, boolean upload) {
    UUID sendId = UUID.randomUUID();
    UUID linkId = UUID.randomUUID();
    String filename = "payments-claim-window-2025-to-2026-2026-12-04.csv";
    String blobName = "sends/" + sendId + "/" + filename;
    String sha256 = sha256(content);
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO sends (id, kind, state, workflow_id, claim_window_id, created_by,
                                     filename, blob_name, row_count, byte_count, sha256,
                                     exported_at)
                  VALUES (:id, 'payments', 'links_live', :workflowId,
                          (SELECT id FROM claim_windows ORDER BY id LIMIT 1),
                          'support@courier.test', :filename, :blobName, 2, :bytes, :sha256, now())
                  """)
              .bind("id", sendId)
              .bind("workflowId", "send-" + sendId)
              .bind("filename", filename)
              .bind("blobName", blobName)
              .bind("bytes", (long) content.length)
              .bind("sha256", sha256)
              .execute();
          h.createUpdate(
                  """
                  INSERT INTO links (id, send_id, email_address, token_sha256, expires_at,
                                     notify_id, emailed_at, recipient_index)
                  VALUES (:id, :sendId, :address, :hash, now() + interval '7 days',
                          gen_random_uuid(), now(), 0)
                  """)
              .bind("id", linkId)
              .bind("sendId", sendId)
              .bind("address", ADDRESS)
              .bind("hash", tokens.tokenSha256(linkId))
              .execute();
        });
    if (upload) {
      blobs.container().getBlobClient(blobName).upload(BinaryData.fromBytes(content), true);
    }
    String token = tokens.token(linkId);
    TOKENS_MADE.add(token);
    return new Link(sendId, linkId, token, content, sha256);
  }

  /** Moves the link's expiry into the past by the database's clock. Nothing revokes it. */
  void expire(Link link) {
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE links SET created_at = now() - interval '8 days',"
                    + " expires_at = now() - interval '1 second' WHERE id = ?",
                link.linkId()));
  }

  void revoke(Link link) {
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE links SET revoked_at = now(), revoked_reason = 'Revoked by support'"
                    + " WHERE id = ?",
                link.linkId()));
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  record Link(UUID sendId, UUID linkId, String token, byte[] content, String sha256) {
    String path() {
      return "/download/" + token;
    }
  }
}
