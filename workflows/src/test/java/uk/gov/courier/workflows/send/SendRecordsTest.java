package uk.gov.courier.workflows.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Records cross Temporal as JSON in history; old histories must still read after a change. */
class SendRecordsTest {

  private final DataConverter converter = DefaultDataConverter.newDefaultInstance();

  @Test
  void everyRecordThatCrossesTemporalIgnoresFieldsItDoesNotKnow() throws Exception {
    Path classes =
        Path.of(SendInput.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(SendInput.class.getPackageName().replace('.', '/'));
    List<Class<?>> records;
    try (Stream<Path> files = Files.list(dir)) {
      records =
          files
              .map(f -> f.getFileName().toString())
              .filter(name -> name.endsWith(".class") && !name.contains("$"))
              .<Class<?>>map(
                  name -> load(SendInput.class.getPackageName() + "." + name.replace(".class", "")))
              .filter(Class::isRecord)
              .toList();
    }

    assertThat(records).hasSizeGreaterThan(15);
    assertThat(records)
        .allSatisfy(
            type -> {
              JsonIgnoreProperties annotation = type.getAnnotation(JsonIgnoreProperties.class);
              assertThat(annotation).as(type.getSimpleName()).isNotNull();
              assertThat(annotation.ignoreUnknown()).as(type.getSimpleName()).isTrue();
            });
  }

  @Test
  void inputFromAnOlderOrNewerWorkflowStillReadsWithDefaults() {
    UUID sendId = UUID.randomUUID();
    String json =
        "{\"sendId\":\""
            + sendId
            + "\",\"kind\":\"PAYMENTS\",\"createdBy\":\"maker@courier.test\","
            + "\"fieldFromTheFuture\":42}";

    SendInput input = read(json, SendInput.class);

    assertThat(input.sendId()).isEqualTo(sendId);
    assertThat(input.confirmationTimeout()).isEqualTo(SendInput.DEFAULT_CONFIRMATION_TIMEOUT);
    assertThat(input.linkLifetime()).isEqualTo(SendInput.DEFAULT_LINK_LIFETIME);
    assertThat(input.retryWindow()).isEqualTo(SendInput.DEFAULT_RETRY_WINDOW);
    assertThat(input.requireSecondPerson()).isFalse();
    assertThat(input.preConfirmedBy()).isNull();
  }

  @Test
  void inputSurvivesTheRoundTripThroughTemporal() {
    SendInput input =
        SendInput.of(UUID.randomUUID(), SendKind.CLAWBACKS, "maker@courier.test")
            .withRequireSecondPerson(true)
            .withPreConfirmedBy("parent@courier.test");

    Payload payload = converter.toPayload(input).orElseThrow();

    assertThat(converter.fromPayload(payload, SendInput.class, SendInput.class)).isEqualTo(input);
  }

  private <T> T read(String json, Class<T> type) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFromUtf8(json))
            .build();
    return converter.fromPayload(payload, type, type);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
