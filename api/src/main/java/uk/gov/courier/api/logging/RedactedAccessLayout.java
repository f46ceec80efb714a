package uk.gov.courier.api.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.Context;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayout;
import java.util.TimeZone;

/**
 * Dropwizard's request-log line (or the {@code logFormat} configured) with link tokens taken out:
 * {@code "POST /download/[redacted] HTTP/1.1" 200}.
 */
public final class RedactedAccessLayout extends LogbackAccessRequestLayout {

  public RedactedAccessLayout(Context context, TimeZone timeZone) {
    super(context, timeZone);
  }

  @Override
  public String doLayout(IAccessEvent event) {
    return TokenRedaction.redact(super.doLayout(event));
  }
}
