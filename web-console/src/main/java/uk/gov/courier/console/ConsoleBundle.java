package uk.gov.courier.console;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.views.common.ViewBundle;

/**
 * Everything pages need: Mustache views, GOV.UK Frontend's CSS, JavaScript, fonts and images from
 * its webjar, and Courier's own static files.
 */
public final class ConsoleBundle implements ConfiguredBundle<Object> {

  private static final String GOVUK =
      "/META-INF/resources/webjars/govuk-frontend/5.11.0/dist/govuk";

  @Override
  public void initialize(Bootstrap<?> bootstrap) {
    bootstrap.addBundle(new ViewBundle<Object>());
    bootstrap.addBundle(new AssetsBundle(GOVUK + "/assets", "/assets", null, "govuk-assets"));
    bootstrap.addBundle(new AssetsBundle(GOVUK, "/govuk", null, "govuk-frontend"));
    bootstrap.addBundle(new AssetsBundle("/static", "/static", null, "courier-static"));
  }

  @Override
  public void run(Object configuration, Environment environment) {
    // assets and views are registered in initialize
  }
}
