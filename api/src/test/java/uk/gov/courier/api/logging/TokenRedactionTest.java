package uk.gov.courier.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.access.common.spi.IAccessEvent;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.courier.links.LinkTokens;

class TokenRedactionTest {

  private static final String TOKEN =
      new LinkTokens("unit-test-link-token-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8))
          .token(UUID.fromString("5b0c7f7e-2d0c-4b9a-9c71-1f0d7c3e8a11"));

  @Test
  void theDefaultRequestLineLosesItsToken() {
    String line =
        "127.0.0.1 - - [04/Dec/2026:16:01:49 +0000] \"POST /download/"
            + TOKEN
            + " HTTP/1.1\" 200 1234 \"-\" \"Mozilla/5.0\" 12";

    assertThat(TokenRedaction.redact(line))
        .doesNotContain(TOKEN)
        .contains("\"POST /download/[redacted] HTTP/1.1\" 200 1234");
  }

  @Test
  void aTokenIsRedactedInAReferrerAWholeUrlAPercentEncodedPathAndJson() {
    for (String line :
        List.of(
            "\"-\" \"https://courier.example/download/" + TOKEN + "\" \"agent\"",
            "GET /download%2F" + TOKEN + " HTTP/1.1",
            "{\"uri\":\"/download/" + TOKEN + "\",\"status\":200}",
            "GET /DOWNLOAD/" + TOKEN + "/extra?x=1 HTTP/1.1",
            "token " + TOKEN + " seen")) {
      assertThat(TokenRedaction.redact(line)).as(line).doesNotContain(TOKEN).contains("[redacted]");
    }
  }

  @Test
  void linesWithoutATokenAreLeftAlone() {
    String line =
        "127.0.0.1 - - \"GET /api/sends/5b0c7f7e-2d0c-4b9a-9c71-1f0d7c3e8a11 HTTP/1.1\" 200";

    assertThat(TokenRedaction.redact(line)).isEqualTo(line);
  }

  @Test
  void everyRequestLogAppenderRedactsWhateverTheConfigurationSays() {
    DefaultServerFactory server = new DefaultServerFactory();
    LogbackAccessRequestLogFactory requestLog =
        (LogbackAccessRequestLogFactory) server.getRequestLogFactory();
    ConsoleAppenderFactory<IAccessEvent> json = new ConsoleAppenderFactory<>();
    AccessJsonLayoutBaseFactory jsonLayout = new AccessJsonLayoutBaseFactory();
    json.setLayout(jsonLayout);
    requestLog.setAppenders(List.of(new ConsoleAppenderFactory<>(), json));

    int redacting = RequestLogRedaction.enforce(server);
    RequestLogRedaction.enforce(server);

    assertThat(redacting).isEqualTo(2);
    List<Object> layouts =
        requestLog.getAppenders().stream()
            .map(a -> (Object) ((AbstractAppenderFactory<IAccessEvent>) a).getLayout())
            .toList();
    assertThat(layouts.get(0)).isInstanceOf(RedactedAccessLayoutFactory.class);
    assertThat(layouts.get(1)).isInstanceOf(RedactingLayout.Factory.class);
    assertThat(((RedactingLayout.Factory<?>) layouts.get(1)).delegate()).isSameAs(jsonLayout);
  }
}
