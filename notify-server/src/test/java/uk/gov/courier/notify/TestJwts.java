package uk.gov.courier.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Builds Notify-style JWTs the way the official client does, with any iat or algorithm. */
final class TestJwts {

  static final String SERVICE_ID = "0f6c5a3e-6a1b-4c1e-9a51-3e7c2d9b8a10";
  static final String SECRET = "5b9e2c7d-3f4a-4e8b-b1c6-d2a7f8e9c0b1";

  static String token(Instant issuedAt) {
    return token(SERVICE_ID, SECRET, issuedAt, AlgorithmIdentifiers.HMAC_SHA256);
  }

  static String token(String issuer, String secret, Instant issuedAt, String algorithm) {
    JwtClaims claims = new JwtClaims();
    if (issuer != null) {
      claims.setIssuer(issuer);
    }
    if (issuedAt != null) {
      claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    }
    JsonWebSignature jws = new JsonWebSignature();
    jws.setAlgorithmHeaderValue(algorithm);
    jws.setHeader("typ", "JWT");
    jws.setPayload(claims.toJson());
    jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
    jws.setDoKeyValidation(false);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestJwts() {}
}
