package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.courier.notify.Personalisations.PAYER_TEMPLATE_ID;
import static uk.gov.courier.notify.Personalisations.PROVIDER_TEMPLATE_ID;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The templates shipped in the jar: the ids, placeholders and promises Courier relies on. */
class BundledTemplatesTest {

  private final TemplateStore templates = TemplateStore.fromClasspath();

  private NotifyTemplate template(String id) {
    return templates.find(UUID.fromString(id)).orElseThrow();
  }

  private static Set<String> placeholders(NotifyTemplate template) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher =
        Pattern.compile("\\(\\(([^()]+)\\)\\)").matcher(template.subject() + template.body());
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  @Test
  void exactlyTheTwoCourierTemplatesAreBundled() {
    assertThat(templates.all())
        .extracting(NotifyTemplate::id)
        .containsExactlyInAnyOrder(
            UUID.fromString(PAYER_TEMPLATE_ID), UUID.fromString(PROVIDER_TEMPLATE_ID));
  }

  @Test
  void payerTemplateHasItsNameAndPlaceholders() {
    NotifyTemplate payer = template(PAYER_TEMPLATE_ID);

    assertThat(payer.name()).isEqualTo("Payer file ready");
    assertThat(placeholders(payer))
        .containsExactlyInAnyOrder(
            "file_description", "row_count", "download_link", "expiry_date", "support_email");
  }

  @Test
  void providerTemplateHasItsNameAndPlaceholders() {
    NotifyTemplate provider = template(PROVIDER_TEMPLATE_ID);

    assertThat(provider.name()).isEqualTo("Provider sample ready");
    assertThat(placeholders(provider))
        .containsExactlyInAnyOrder(
            "provider_name",
            "row_count",
            "download_link",
            "expiry_date",
            "return_by_date",
            "support_email");
  }

  @Test
  void bothTemplatesTellRecipientsHowTheLinkWorksAndWhereToGetHelp() {
    for (NotifyTemplate template :
        List.of(template(PAYER_TEMPLATE_ID), template(PROVIDER_TEMPLATE_ID))) {
      assertThat(template.body())
          .as(template.name())
          .contains("((download_link))")
          .contains("This link works once only. It expires at ((expiry_date)).")
          .contains("we'll ask you to enter the email address this message was sent to")
          .contains("Courier never sends files as email attachments")
          .contains("If the link has expired or has already been used")
          .contains("Email ((support_email)) and ask for a new link");
    }
  }

  @Test
  void providerTemplateSaysWhenToReturnTheFile() {
    assertThat(template(PROVIDER_TEMPLATE_ID).body())
        .contains("by ((return_by_date))")
        .contains("claim_assured")
        .contains("claim_not_assured_reason");
  }

  @Test
  void providerTemplateSaysWhatToFillInAndHowToSendTheFileBack() {
    assertThat(template(PROVIDER_TEMPLATE_ID).body())
        .contains("In the claim_assured column, enter yes if you agree with the row, or no if")
        .contains("If you enter no, say why in the claim_not_assured_reason column.")
        .contains("Save the file as a CSV.")
        .contains("Email the completed file to ((support_email)) by ((return_by_date)).")
        .contains("If you cannot finish by ((return_by_date))");
  }

  @Test
  void renderedWithAllValuesNothingIsLeftToFill() {
    var payer = TemplateRenderer.render(template(PAYER_TEMPLATE_ID), Personalisations.payer());
    var provider =
        TemplateRenderer.render(template(PROVIDER_TEMPLATE_ID), Personalisations.provider());

    assertThat(payer.subject() + payer.body()).doesNotContain("((").doesNotContain("))");
    assertThat(provider.subject() + provider.body()).doesNotContain("((").doesNotContain("))");
  }
}
