package uk.gov.courier.api.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no request-log appender can write a link token, whatever the configuration says.
 * Dropwizard's request log records each request's URI, and a download's URI holds its token, so
 * every access appender gets {@link RedactedAccessLayoutFactory} when it names no layout, and any
 * other layout it names is wrapped to redact its output. Called from {@code run()}, before the
 * server (and so its request log) is built.
 */
public final class RequestLogRedaction {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLogRedaction.class);

  private RequestLogRedaction() {}

  /** Returns how many request-log appenders now redact tokens. */
  public static int enforce(ServerFactory serverFactory) {
    if (!(serverFactory instanceof AbstractServerFactory server)) {
      LOG.warn("Unknown server factory {}: request-log redaction not applied", serverFactory);
      return 0;
    }
    RequestLogFactory<?> requestLog = server.getRequestLogFactory();
    if (!(requestLog instanceof LogbackAccessRequestLogFactory access)) {
      LOG.warn(
          "Request log {} is not logback-access: Courier cannot redact link tokens from it",
          requestLog == null ? null : requestLog.getClass().getSimpleName());
      return 0;
    }
    int redacting = 0;
    for (AppenderFactory<IAccessEvent> appender : access.getAppenders()) {
      if (appender instanceof AbstractAppenderFactory<IAccessEvent> configurable) {
        configurable.setLayout(redacting(layoutOf(configurable)));
        redacting++;
      } else {
        LOG.warn(
            "Request-log appender {} has no layout Courier can set: link tokens may reach it",
            appender.getClass().getSimpleName());
      }
    }
    return redacting;
  }

  @SuppressWarnings("unchecked")
  private static DiscoverableLayoutFactory<IAccessEvent> layoutOf(
      AbstractAppenderFactory<IAccessEvent> appender) {
    return (DiscoverableLayoutFactory<IAccessEvent>) appender.getLayout();
  }

  private static DiscoverableLayoutFactory<IAccessEvent> redacting(
      DiscoverableLayoutFactory<IAccessEvent> layout) {
    if (layout == null) {
      return new RedactedAccessLayoutFactory();
    }
    if (layout instanceof RedactedAccessLayoutFactory
        || layout instanceof RedactingLayout.Factory) {
      return layout;
    }
    return new RedactingLayout.Factory<>(layout);
  }
}
