package uk.gov.courier.api.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;

/**
 * The request-log layout {@code courier-access}: Dropwizard's access pattern with link tokens
 * redacted. Courier applies it to every request-log appender that names no layout (see {@link
 * RequestLogRedaction}); configs may also name it:
 *
 * <pre>
 * server:
 *   requestLog:
 *     appenders:
 *       - type: console
 *         layout:
 *           type: courier-access
 * </pre>
 */
@JsonTypeName("courier-access")
public final class RedactedAccessLayoutFactory implements DiscoverableLayoutFactory<IAccessEvent> {

  @Override
  public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
    return new RedactedAccessLayout(context, timeZone);
  }
}
