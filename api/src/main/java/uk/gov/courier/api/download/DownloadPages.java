package uk.gov.courier.api.download;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.jdbi.v3.core.Jdbi;
import uk.gov.courier.api.config.CourierConfiguration;
import uk.gov.courier.api.logging.RequestLogRedaction;
import uk.gov.courier.blob.BlobStore;
import uk.gov.courier.download.DownloadService;
import uk.gov.courier.download.DownloadSettings;
import uk.gov.courier.download.LinkUseNotifier;

/** Wires the recipient's download pages into the web tier. */
public final class DownloadPages {

  private DownloadPages() {}

  /**
   * Registers the download resource and its headers filter, and makes sure the request log cannot
   * write a token. Call from {@code run()}: the request log is built after it.
   */
  public static void register(
      CourierConfiguration config,
      Environment environment,
      Jdbi jdbi,
      BlobStore blobStore,
      LinkUseNotifier linkUses) {
    RequestLogRedaction.enforce(config.getServerFactory());
    environment
        .servlets()
        .addFilter("recipient-headers", new RecipientHeadersFilter())
        .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/download/*");
    environment
        .jersey()
        .register(
            new DownloadResource(new DownloadService(jdbi, blobStore, settings(config), linkUses)));
  }

  static DownloadSettings settings(CourierConfiguration config) {
    return DownloadSettings.of(
        config.getPayer().getName(),
        config.getSends().getSupportEmailAddress(),
        config.getSends().getLinkTokenKey().getBytes(StandardCharsets.UTF_8));
  }
}
