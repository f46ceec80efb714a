package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifyServerMainTest {

  private static final String OTHER_KEY =
      "other-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee-11111111-2222-4333-8444-555555555555";

  @Test
  void defaultsWithoutFlagsOrEnvironment() {
    NotifyServerConfig config = NotifyServerMain.parse(new String[0], Map.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8025);
    assertThat(config.apiKey()).isEqualTo(NotifyServerConfig.DEV_API_KEY);
    assertThat(config.templatesDir()).isNull();
    assertThat(config.dataDir()).isNull();
    assertThat(config.rateLimitPerMinute()).isEqualTo(3000);
  }

  @Test
  void flagsSetEveryOption() {
    NotifyServerConfig config =
        NotifyServerMain.parse(
            new String[] {
              "--port",
              "9000",
              "--host=0.0.0.0",
              "--api-key",
              OTHER_KEY,
              "--templates",
              "/tmp/templates",
              "--data-dir",
              "/tmp/data",
              "--rate-limit-per-minute",
              "5"
            },
            Map.of());

    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.apiKey()).isEqualTo(OTHER_KEY);
    assertThat(config.templatesDir()).isEqualTo(Path.of("/tmp/templates"));
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/data"));
    assertThat(config.rateLimitPerMinute()).isEqualTo(5);
  }

  @Test
  void environmentSetsOptionsAndFlagsWin() {
    NotifyServerConfig config =
        NotifyServerMain.parse(
            new String[] {"--port", "9001"},
            Map.of("NOTIFY_SERVER_PORT", "9002", "NOTIFY_API_KEY", OTHER_KEY));

    assertThat(config.port()).isEqualTo(9001);
    assertThat(config.apiKey()).isEqualTo(OTHER_KEY);
  }

  @Test
  void unknownFlagIsRefused() {
    assertThatThrownBy(() -> NotifyServerMain.parse(new String[] {"--prot", "1"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--prot");
  }

  @Test
  void badNumberIsRefused() {
    assertThatThrownBy(() -> NotifyServerMain.parse(new String[] {"--port", "http"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port");
  }

  @Test
  void malformedApiKeyIsRefused() {
    assertThatThrownBy(() -> NotifyServerMain.parse(new String[] {"--api-key", "x"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
