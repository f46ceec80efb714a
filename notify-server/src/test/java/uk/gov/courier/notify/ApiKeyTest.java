package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

  @Test
  void splitsTheKeyAsTheOfficialClientDoes() {
    ApiKey key = ApiKey.parse(NotifyServerConfig.DEV_API_KEY);

    assertThat(key.keyName()).isEqualTo("courier_dev");
    assertThat(key.serviceId()).isEqualTo("0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10");
    assertThat(key.secret()).isEqualTo("5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1");
  }

  @Test
  void keyNamesMayContainHyphens() {
    ApiKey key =
        ApiKey.parse(
            "my-key-name-0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10-5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1");

    assertThat(key.keyName()).isEqualTo("my-key-name");
    assertThat(key.serviceId()).isEqualTo("0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10");
  }

  @Test
  void malformedKeyIsRefusedWithoutShowingIt() {
    String bad = "name-not-a-uuid-at-all-but-long-enough-to-be-split-into-two-parts-1234567";

    assertThatThrownBy(() -> ApiKey.parse(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(bad);
    assertThatThrownBy(() -> ApiKey.parse("short")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretIsNeverInToString() {
    assertThat(ApiKey.parse(NotifyServerConfig.DEV_API_KEY).toString())
        .doesNotContain("5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1");
    assertThat(NotifyServerConfig.defaults().toString())
        .doesNotContain("5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1");
  }
}
