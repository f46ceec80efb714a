package uk.gov.courier.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientLabelsTest {

  @Test
  void labelsShowTheStartOfTheMailboxTheDomainAndThePosition() {
    assertThat(RecipientLabels.label("finance.team@payer.example.org", 0, 2))
        .isEqualTo("fi…@payer.example.org (1 of 2)");
  }

  @Test
  void shortMailboxesShowOneCharacter() {
    assertThat(RecipientLabels.mask("ab@x.org")).isEqualTo("a…@x.org");
    assertThat(RecipientLabels.mask("jo.s@x.org")).isEqualTo("j…@x.org");
  }

  @Test
  void aLabelNeverHoldsTheWholeAddress() {
    String address = "jane.smith@school.example.org";
    assertThat(RecipientLabels.label(address, 1, 3))
        .doesNotContain("jane.smith")
        .endsWith("(2 of 3)");
  }
}
