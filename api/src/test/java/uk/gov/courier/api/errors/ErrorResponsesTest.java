package uk.gov.courier.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import uk.gov.courier.errors.CourierException;

class ErrorResponsesTest {

  private final ErrorResponses responses = new ErrorResponses("support@courier.test");

  @Test
  void databaseDownIs503AndSaysNothingWasChanged() {
    Response response =
        responses.respond(
            new ConnectionException(new SQLException("Connection refused", "08001")), null);

    assertThat(response.getStatus()).isEqualTo(503);
    ApiError error = (ApiError) response.getEntity();
    assertThat(error.code()).isEqualTo("service_unavailable");
    assertThat(error.message()).contains("nothing was changed");
  }

  @Test
  void courierRefusalsKeepTheirMessageAndFields() {
    Response response =
        responses.respond(
            CourierException.invalid("claim_window_id", "is not a claim window"), null);

    assertThat(response.getStatus()).isEqualTo(400);
    ApiError error = (ApiError) response.getEntity();
    assertThat(error.fields()).containsEntry("claim_window_id", "is not a claim window");
  }

  @Test
  void anUnexpectedFailureNeverShowsItsMessage() {
    Response response =
        responses.respond(new IllegalStateException("secret internal detail"), null);

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(((ApiError) response.getEntity()).message())
        .doesNotContain("secret")
        .contains("quote the request ID");
  }

  @Test
  void javaPropertyNamesBecomeTheJsonNamesClientsSend() {
    assertThat(ErrorResponses.snakeCase("claimWindowId")).isEqualTo("claim_window_id");
    assertThat(ErrorResponses.snakeCase("reason")).isEqualTo("reason");
  }
}
