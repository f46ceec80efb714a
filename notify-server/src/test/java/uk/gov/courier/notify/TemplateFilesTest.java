package uk.gov.courier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.SendEmailResponse;

/** The template file format and the {@code --templates} folder. */
class TemplateFilesTest {

  private static final String ID = "11111111-2222-4333-8444-555555555555";

  @Test
  void headerThenBlankLineThenBody() {
    NotifyTemplate template =
        TemplateFiles.parse(
            "t.txt",
            "id: "
                + ID
                + "\r\nname: Test\r\nsubject: Hi ((name))\r\n\r\n# Heading\r\n\r\nBody\r\n");

    assertThat(template.id()).isEqualTo(UUID.fromString(ID));
    assertThat(template.name()).isEqualTo("Test");
    assertThat(template.version()).isEqualTo(1);
    assertThat(template.subject()).isEqualTo("Hi ((name))");
    assertThat(template.body()).isEqualTo("# Heading\n\nBody");
  }

  @Test
  void versionCanBeGiven() {
    assertThat(
            TemplateFiles.parse("t.txt", "id: " + ID + "\nname: T\nsubject: S\nversion: 4\n\nB")
                .version())
        .isEqualTo(4);
  }

  @Test
  void fileWithoutABlankLineAfterTheHeaderIsRefused() {
    assertThatThrownBy(() -> TemplateFiles.parse("t.txt", "id: " + ID + "\nname: T\nsubject: S"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("t.txt")
        .hasMessageContaining("blank line");
  }

  @Test
  void unknownHeaderIsRefused() {
    assertThatThrownBy(
            () -> TemplateFiles.parse("t.txt", "id: " + ID + "\nname: T\nsubjct: S\n\nBody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subjct");
  }

  @Test
  void idThatIsNotAUuidIsRefused() {
    assertThatThrownBy(() -> TemplateFiles.parse("t.txt", "id: 42\nname: T\nsubject: S\n\nBody"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a UUID");
  }

  @Test
  void twoTemplatesWithOneIdAreRefused(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.txt"), "id: " + ID + "\nname: A\nsubject: S\n\nBody");
    Files.writeString(dir.resolve("b.txt"), "id: " + ID + "\nname: B\nsubject: S\n\nBody");

    assertThatThrownBy(() -> TemplateStore.fromDirectory(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b.txt");
  }

  @Test
  void templatesFolderReplacesTheBundledTemplates(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("welcome.txt"),
        "id: " + ID + "\nname: Welcome\nsubject: Welcome ((name))\n\nHello ((name)).\n");

    try (NotifyServer server =
        NotifyServer.start(NotifyServerConfig.forTests().withTemplatesDir(dir))) {
      NotificationClient client =
          new NotificationClient(NotifyServerConfig.DEV_API_KEY, server.baseUrl());

      SendEmailResponse response =
          client.sendEmail(ID, "a@b.example", java.util.Map.of("name", "Sam"), null);

      assertThat(response.getSubject()).isEqualTo("Welcome Sam");
      assertThat(response.getBody()).isEqualTo("Hello Sam.");
      assertThat(
              ClientErrors.clientError(
                      () ->
                          client.sendEmail(
                              Personalisations.PAYER_TEMPLATE_ID,
                              "a@b.example",
                              Personalisations.payer(),
                              null))
                  .getHttpResult())
          .isEqualTo(400);
    }
  }
}
