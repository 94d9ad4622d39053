package ai.digitaltwin.reliability.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Tokens an attacker would try, built the way the API's own are (issuer, sub, role, iat, exp, jti). */
final class Tokens {
  static final String ISSUER = "digital-twin-api";
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  static String signed(Algorithm algorithm, String subject, Instant issued, Instant expires) {
    var builder = JWT.create().withIssuer(ISSUER).withSubject(subject).withClaim("role", "admin").withJWTId("rel-attack");
    if (issued != null) {
      builder.withIssuedAt(issued);
    }
    if (expires != null) {
      builder.withExpiresAt(expires);
    }
    return builder.sign(algorithm);
  }

  /** {@code alg: none}: header and claims, no signature. */
  static String unsigned(String subject, Instant issued, Instant expires) {
    String header = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims = String.format("{\"iss\":\"%s\",\"sub\":\"%s\",\"role\":\"admin\",\"iat\":%d,\"exp\":%d,\"jti\":\"rel-none\"}",
        ISSUER, subject, issued.getEpochSecond(), expires.getEpochSecond());
    return header + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
  }

  /** A real token with its claims swapped for others (the signature kept). */
  static String tampered(String real, String subject) {
    String[] parts = real.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replaceAll("\"sub\":\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
    return parts[0] + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }
}
