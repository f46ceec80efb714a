package uk.gov.courier.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserTest {

  @Test
  void messagesNeverCarryALinkTokenOrAQueryString() {
    String message =
        "http://127.0.0.1:8080/download/Zk3q9X_0aB-cD1eF2gH3iJ4kL5mN6oP7qR8sT9uV0wX/confirm"
            + "?email=finance%40payer.example.org - Failed to load resource";

    assertThat(Browser.redact(message))
        .isEqualTo(
            "http://127.0.0.1:8080/download/[redacted]/confirm?[redacted] - Failed to load"
                + " resource");
  }

  @Test
  void sendIdsAndShortPathsStayReadable() {
    String message = "http://127.0.0.1:8080/sends/0b6f7c1e-8a2d-4f3b-9c5e-1d2a3b4c5d6e/confirm";

    assertThat(Browser.redact(message)).isEqualTo(message);
  }

  @Test
  void screenshotNamesAreSafeForAnyFileSystem() {
    assertThat(Browser.safeFileName("Check your answers – Courier – GOV.UK"))
        .isEqualTo("check-your-answers-courier-gov-uk");
    assertThat(Browser.safeFileName("Élodie's <script>../../etc/passwd"))
        .isEqualTo("elodie-s-script-etc-passwd");
    assertThat(Browser.safeFileName("")).isEqualTo("page");
    assertThat(Browser.safeFileName("x".repeat(300))).hasSize(80);
  }

  @Test
  void xpathLiteralsQuoteAnyText() {
    assertThat(Browser.xpathLiteral("Sign in")).isEqualTo("'Sign in'");
    assertThat(Browser.xpathLiteral("Pupil's name")).isEqualTo("\"Pupil's name\"");
    assertThat(Browser.xpathLiteral("It's \"here\""))
        .isEqualTo("concat('It', \"'\", 's \"here\"')");
  }
}
