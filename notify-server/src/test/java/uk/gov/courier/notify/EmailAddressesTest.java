package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "finance@payer.example",
        "first.last+tag@sub.domain.gov.uk",
        "o'brien@school.sch.uk",
        "  padded@example.com  ",
        "a@xn--r8jz45g.xn--zckzah",
        "user@例え.テスト"
      })
  void acceptsAddressesNotifyAccepts(String address) {
    assertThat(EmailAddresses.isValid(address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plainaddress",
        "@no-local.example",
        "no-domain@",
        "two@@signs.example",
        "dots..together@example.com",
        "no-tld@localhost",
        "bad-tld@example.c",
        "quote\"d@example.com",
        "semi;colon@example.com",
        "space in@example.com",
        "dash@-leading.example",
        "numeric-tld@example.123"
      })
  void refusesAddressesNotifyRefuses(String address) {
    assertThat(EmailAddresses.isValid(address)).isFalse();
  }

  @Test
  void refusesNull() {
    assertThat(EmailAddresses.isValid(null)).isFalse();
  }
}
