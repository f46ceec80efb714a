package uk.gov.courier.api.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

  @Test
  void anAsciiNameAppearsPlainAndEncoded() {
    assertThat(ContentDispositions.attachment("clawbacks-2026-12-04.csv"))
        .isEqualTo(
            "attachment; filename=\"clawbacks-2026-12-04.csv\";"
                + " filename*=UTF-8''clawbacks-2026-12-04.csv");
  }

  @Test
  void quotesSpacesAndAccentsCannotBreakTheHeader() {
    assertThat(ContentDispositions.attachment("école \"x\";.csv"))
        .isEqualTo(
            "attachment; filename=\"_cole__x__.csv\"; filename*=UTF-8''%C3%A9cole%20%22x%22%3B.csv");
  }

  @Test
  void sizesReadAsPeopleSayThem() {
    assertThat(LandingView.size(1)).isEqualTo("1 byte");
    assertThat(LandingView.size(850)).isEqualTo("850 bytes");
    assertThat(LandingView.size(12_700)).isEqualTo("12 KB");
    assertThat(LandingView.size(5 * 1024 * 1024 + 300_000)).isEqualTo("5.3 MB");
  }
}
