package uk.gov.courier.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

  private static final MediaType TYPE =
      new MediaType("multipart", "form-data", Map.of("boundary", "XyZ"));

  private static final String BODY =
      "--XyZ\r\n"
          + "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
          + "token-1\r\n"
          + "--XyZ\r\n"
          + "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".csv\"\r\n"
          + "Content-Type: text/csv\r\n\r\n"
          + "claim_reference,sample_reason\r\n10000001,x\r\n"
          + "\r\n--XyZ--\r\n";

  @Test
  void readsEachFieldAndTheFilesNameTypeAndBytes() {
    MultipartForm form = MultipartForm.parse(BODY.getBytes(StandardCharsets.UTF_8), TYPE);

    assertThat(form.part("csrf_token").orElseThrow().text()).isEqualTo("token-1");
    MultipartForm.Part file = form.part("file").orElseThrow();
    assertThat(file.filename()).isEqualTo("a \"b\".csv");
    assertThat(file.contentType()).isEqualTo("text/csv");
    assertThat(file.text()).isEqualTo("claim_reference,sample_reason\r\n10000001,x\r\n");
  }

  @Test
  void aBodyCutOffByTheSizeLimitStillGivesTheFieldsBeforeTheCut() {
    byte[] whole = BODY.getBytes(StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(whole, BODY.indexOf("10000001"));

    MultipartForm form = MultipartForm.parse(cut, TYPE);

    assertThat(form.part("csrf_token").orElseThrow().text()).isEqualTo("token-1");
    assertThat(form.part("file").orElseThrow().text())
        .isEqualTo("claim_reference,sample_reason\r\n");
  }

  @Test
  void somethingThatIsNotMultipartHasNoFields() {
    assertThat(MultipartForm.isMultipart(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).isFalse();
    assertThat(MultipartForm.isMultipart(new MediaType("multipart", "form-data"))).isFalse();
    assertThat(
            MultipartForm.parse("csrf_token=x".getBytes(StandardCharsets.UTF_8), TYPE)
                .part("csrf_token"))
        .isEmpty();
    assertThat(MultipartForm.parse(null, null).part("file")).isEmpty();
  }
}
