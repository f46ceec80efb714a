package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEveryCharacterThatMatters() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void linksHttpAndHttpsAddressesAndNothingElse() {
    String html =
        Html.linkify(
            "Get it at https://a.example/d/x?y=1&z=2. Or http://b.example, not"
                + " javascript:alert(1) or ftp://c.example");

    assertThat(html)
        .contains(
            "<a href=\"https://a.example/d/x?y=1&amp;z=2\" rel=\"noreferrer noopener\">"
                + "https://a.example/d/x?y=1&amp;z=2</a>. Or ")
        .contains("<a href=\"http://b.example\" rel=\"noreferrer noopener\">http://b.example</a>,")
        .contains("javascript:alert(1) or ftp://c.example")
        .doesNotContain("href=\"javascript")
        .doesNotContain("href=\"ftp");
  }

  @Test
  void urlCannotBreakOutOfTheAttribute() {
    String html = Html.linkify("https://a.example/\"onmouseover=alert(1)");

    assertThat(html).doesNotContain("\"onmouseover").contains("&quot;onmouseover");
  }
}
