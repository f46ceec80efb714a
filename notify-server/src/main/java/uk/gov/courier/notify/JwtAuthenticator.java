package uk.gov.courier.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Checks the {@code Authorization: Bearer <jwt>} header as Notify does: HS256 only, {@code iss} is
 * the service id, signed with the UTF-8 bytes of the key's secret, {@code iat} within 30 seconds of
 * this server's clock either way. Failures carry Notify's own messages.
 */
final class JwtAuthenticator {

  static final long ALLOWED_CLOCK_SKEW_SECONDS = 30;

  private static final String GENERAL_TOKEN_ERROR =
      "Invalid token: make sure your API token matches the example at "
          + "https://docs.notifications.service.gov.uk/rest-api.html#authorisation-header";

  private final ApiKey apiKey;
  private final Clock clock;

  JwtAuthenticator(ApiKey apiKey, Clock clock) {
    this.apiKey = apiKey;
    this.clock = clock;
  }

  void authenticate(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw NotifyApiException.unauthorized("Unauthorized: authentication token must be provided");
    }
    String[] parts = authorizationHeader.strip().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw NotifyApiException.unauthorized(
          "Unauthorized: authentication bearer scheme must be used");
    }
    JsonWebSignature jws = new JsonWebSignature();
    JsonNode claims;
    try {
      jws.setCompactSerialization(parts[1].strip());
      claims = Json.MAPPER.readTree(jws.getUnverifiedPayload());
    } catch (JoseException | IOException | RuntimeException e) {
      throw NotifyApiException.forbidden(GENERAL_TOKEN_ERROR);
    }
    if (claims == null || !claims.isObject()) {
      throw NotifyApiException.forbidden(GENERAL_TOKEN_ERROR);
    }
    JsonNode issuer = claims.get("iss");
    if (issuer == null || !issuer.isTextual() || issuer.textValue().isEmpty()) {
      throw NotifyApiException.forbidden("Invalid token: iss field not provided");
    }
    if (!issuer.textValue().equals(apiKey.serviceId())) {
      throw NotifyApiException.forbidden("Invalid token: API key not found");
    }
    if (!AlgorithmIdentifiers.HMAC_SHA256.equals(jws.getAlgorithmHeaderValue())) {
      throw NotifyApiException.forbidden("Invalid token: algorithm used is not HS256");
    }
    if (!signatureIsValid(jws)) {
      throw NotifyApiException.forbidden("Invalid token: signature, api token is not valid");
    }
    JsonNode issuedAt = claims.get("iat");
    if (issuedAt == null || !issuedAt.isNumber()) {
      throw NotifyApiException.forbidden(GENERAL_TOKEN_ERROR);
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - issuedAt.asLong());
    if (skew > ALLOWED_CLOCK_SKEW_SECONDS) {
      throw NotifyApiException.forbidden(
          "Error: Your system clock must be accurate to within 30 seconds");
    }
  }

  private boolean signatureIsValid(JsonWebSignature jws) {
    jws.setAlgorithmConstraints(
        new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256));
    jws.setKey(new HmacKey(apiKey.secret().getBytes(StandardCharsets.UTF_8)));
    try {
      return jws.verifySignature();
    } catch (JoseException e) {
      return false;
    }
  }
}
