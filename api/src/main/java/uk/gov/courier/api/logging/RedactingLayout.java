package uk.gov.courier.api.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;

/**
 * Wraps any other layout (a JSON access layout, say) so that its output has link tokens redacted.
 */
final class RedactingLayout<E> extends LayoutBase<E> {

  private final LayoutBase<E> delegate;

  RedactingLayout(LayoutBase<E> delegate) {
    this.delegate = delegate;
  }

  @Override
  public String doLayout(E event) {
    return TokenRedaction.redact(delegate.doLayout(event));
  }

  @Override
  public String getContentType() {
    return delegate.getContentType();
  }

  @Override
  public void start() {
    if (!delegate.isStarted()) {
      delegate.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    delegate.stop();
    super.stop();
  }

  /** A layout factory that wraps another's layouts. */
  static final class Factory<E extends DeferredProcessingAware>
      implements DiscoverableLayoutFactory<E> {

    private final DiscoverableLayoutFactory<E> delegate;

    Factory(DiscoverableLayoutFactory<E> delegate) {
      this.delegate = delegate;
    }

    DiscoverableLayoutFactory<E> delegate() {
      return delegate;
    }

    @Override
    public LayoutBase<E> build(LoggerContext context, TimeZone timeZone) {
      RedactingLayout<E> layout = new RedactingLayout<>(delegate.build(context, timeZone));
      layout.setContext(context);
      return layout;
    }
  }
}
