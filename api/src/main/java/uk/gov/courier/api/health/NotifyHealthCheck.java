package uk.gov.courier.api.health;

import com.codahale.metrics.health.HealthCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GOV.UK Notify answers its unauthenticated status endpoint ({@code GET /_status}). Sends no email
 * and uses no API key.
 */
public final class NotifyHealthCheck extends HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final URI statusUri;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public NotifyHealthCheck(String baseUrl) {
    this.statusUri = URI.create(baseUrl.replaceAll("/+$", "") + "/_status");
  }

  @Override
  protected Result check() throws InterruptedException {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(statusUri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200
          ? Result.healthy()
          : Result.unhealthy("Notify answered %d at %s", response.statusCode(), statusUri);
    } catch (IOException e) {
      return Result.unhealthy(
          "Notify is not answering at " + statusUri + ": " + PostgresHealthCheck.rootMessage(e));
    }
  }
}
