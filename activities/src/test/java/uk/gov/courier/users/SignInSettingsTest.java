package uk.gov.courier.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInSettingsTest {

  @Test
  void failedAnswersSlowDownFromTheThirdFailureInARowUpToFiveSeconds() {
    SignInSettings settings = SignInSettings.of(5, Duration.ofMinutes(15));

    assertThat(settings.delayAfter(1)).isZero();
    assertThat(settings.delayAfter(2)).isZero();
    assertThat(settings.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.delayAfter(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.delayAfter(20)).isEqualTo(Duration.ofSeconds(5));
  }
}
