package uk.gov.courier.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void madePasswordsAreLongRandomAndFreeOfLookAlikes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String password = Passwords.generate();
      assertThat(password)
          .matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}")
          .doesNotContain("l", "o", "i", "0", "1");
      seen.add(password);
    }
    assertThat(seen).hasSize(1_000);
  }
}
