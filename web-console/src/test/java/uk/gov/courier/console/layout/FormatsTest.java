package uk.gov.courier.console.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void valuesReadAsGovukWritesThem() {
    assertThat(Formats.money(123450L)).isEqualTo("£1,234.50");
    assertThat(Formats.count(1518)).isEqualTo("1,518");
    assertThat(Formats.plural(1, "claim", "claims")).isEqualTo("1 claim");
    assertThat(Formats.plural(2, "claim", "claims")).isEqualTo("2 claims");
    assertThat(Formats.words("payment_in_progress")).isEqualTo("Payment in progress");
    assertThat(Formats.dateTime(Instant.parse("2026-12-04T14:05:00Z")))
        .isEqualTo("2:05pm on 4 December 2026");
    assertThat(Formats.dateTime(null)).isEmpty();
  }

  @Test
  void sizesAndDurationsAreShortButExact() {
    assertThat(Formats.bytes(512)).isEqualTo("512 bytes");
    assertThat(Formats.bytes(143_360)).isEqualTo("140.0 KB (143,360 bytes)");
    assertThat(Formats.duration(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(Formats.duration(Duration.ofMinutes(30))).isEqualTo("30 minutes");
    assertThat(Formats.duration(Duration.ofHours(30))).isEqualTo("1 day and 6 hours");
  }
}
