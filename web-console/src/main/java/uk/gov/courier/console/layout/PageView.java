package uk.gov.courier.console.layout;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;

/**
 * A GOV.UK-styled page: every console and recipient page extends this, so the header, footer and
 * assets are the same everywhere. Mustache escapes every {@code {{value}}}.
 */
public abstract class PageView extends View {

  private final String title;

  protected PageView(String template, String title) {
    super("/templates/" + template, StandardCharsets.UTF_8);
    this.title = title;
  }

  /** The page title; the browser tab reads "{title} – Courier – GOV.UK". */
  public String getTitle() {
    return title;
  }
}
