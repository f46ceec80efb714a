package uk.gov.courier.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashIsArgon2idWithOwaspCostAndVerifiesTheRightPasswordOnly() {
    String hash = hasher.hash("correct horse battery staple");

    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
  }

  @Test
  void samePasswordHashesDifferentlyEachTime() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  void malformedStoredHashNeverVerifies() {
    assertThat(hasher.verify("x", "not a hash")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=1,t=1$only$five")).isFalse();
    assertThat(hasher.verify("x", "$2a$10$bcryptlookingvalue")).isFalse();
    assertThat(hasher.verify(null, hasher.hash("x"))).isFalse();
  }

  @Test
  void apiKeysAreLongRandomAndHashedToHex() {
    String key = ApiKeys.newKey();

    assertThat(key).startsWith("courier_").hasSize("courier_".length() + 43);
    assertThat(ApiKeys.newKey()).isNotEqualTo(key);
    assertThat(ApiKeys.hash(key)).matches("[0-9a-f]{64}").isEqualTo(ApiKeys.hash(key));
  }
}
