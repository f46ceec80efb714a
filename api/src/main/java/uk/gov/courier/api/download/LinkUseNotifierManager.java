package uk.gov.courier.api.download;

import io.dropwizard.lifecycle.Managed;
import uk.gov.courier.download.LinkUseNotifier;

/** Starts and stops the {@link LinkUseNotifier} with Courier. */
public final class LinkUseNotifierManager implements Managed {

  private final LinkUseNotifier notifier;

  public LinkUseNotifierManager(LinkUseNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void start() {
    notifier.start();
  }

  @Override
  public void stop() throws InterruptedException {
    notifier.stop();
  }
}
