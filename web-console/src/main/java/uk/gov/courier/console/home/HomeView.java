package uk.gov.courier.console.home;

import uk.gov.courier.console.layout.PageView;

/** The start page: what Courier does and, in development, where the tools are. */
public final class HomeView extends PageView {

  private final DevelopmentLinks development;

  public HomeView(DevelopmentLinks development) {
    super("home.mustache", "Send claim data securely");
    this.development = development;
  }

  /** Null outside development, so the template's section disappears. */
  public DevelopmentLinks getDevelopment() {
    return development.any() ? development : null;
  }

  /** Links to the development tools; each may be null. */
  public record DevelopmentLinks(String outboxUrl, String temporalUiUrl) {
    public boolean any() {
      return outboxUrl != null || temporalUiUrl != null;
    }
  }
}
