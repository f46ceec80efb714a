package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

  private static NotifyTemplate template(String subject, String body) {
    return new NotifyTemplate(UUID.randomUUID(), "Test", 1, subject, body);
  }

  @Test
  void placeholdersAreReplacedInSubjectAndBody() {
    var email =
        TemplateRenderer.render(
            template("Hello ((name))", "Dear ((name)), your file has ((rows)) rows."),
            Map.of("name", "Sam", "rows", 3));

    assertThat(email.subject()).isEqualTo("Hello Sam");
    assertThat(email.body()).isEqualTo("Dear Sam, your file has 3 rows.");
  }

  @Test
  void namesMatchIgnoringCaseSpacesHyphensAndUnderscores() {
    var email =
        TemplateRenderer.render(
            template("s", "((File Name)) ((file-name)) ((FILE_NAME))"),
            Map.of("file_name", "x.csv"));

    assertThat(email.body()).isEqualTo("x.csv x.csv x.csv");
  }

  @Test
  void valuesAreNotEscaped() {
    var email =
        TemplateRenderer.render(
            template("((v))", "((v))"), Map.of("v", "<b>&amp; ((other)) $1 \\ *bold*</b>"));

    assertThat(email.body()).isEqualTo("<b>&amp; ((other)) $1 \\ *bold*</b>");
  }

  @Test
  void conditionalTextShowsOnlyForYesLikeValues() {
    NotifyTemplate template = template("s", "Start.((late??You are late. ))End.");

    assertThat(TemplateRenderer.render(template, Map.of("late", "yes")).body())
        .isEqualTo("Start.You are late. End.");
    assertThat(TemplateRenderer.render(template, Map.of("late", "True")).body())
        .isEqualTo("Start.You are late. End.");
    assertThat(TemplateRenderer.render(template, Map.of("late", "no")).body())
        .isEqualTo("Start.End.");
    assertThat(TemplateRenderer.missingPersonalisation(template, Map.of())).containsExactly("late");
  }

  @Test
  void listValuesBecomeBullets() {
    var email =
        TemplateRenderer.render(template("s", "((items))"), Map.of("items", List.of("a", "b")));

    assertThat(email.body()).isEqualTo("* a\n* b");
  }

  @Test
  void missingPersonalisationIsListedSubjectFirstInOrderWithoutRepeats() {
    NotifyTemplate template = template("((b)) and ((a))", "((c)) ((a)) ((d)) ((c)) ((present))");
    Map<String, Object> values = new HashMap<>();
    values.put("present", "here");
    values.put("d", null);

    assertThat(TemplateRenderer.missingPersonalisation(template, values))
        .containsExactly("b", "a", "c", "d");
  }

  @Test
  void emptyStringIsNotMissing() {
    assertThat(TemplateRenderer.missingPersonalisation(template("s", "((x))"), Map.of("x", "")))
        .isEmpty();
  }

  @Test
  void subjectIsKeptOnOneLine() {
    var email = TemplateRenderer.render(template("A ((v)) B", "b"), Map.of("v", "one\ntwo"));

    assertThat(email.subject()).isEqualTo("A one two B");
  }
}
