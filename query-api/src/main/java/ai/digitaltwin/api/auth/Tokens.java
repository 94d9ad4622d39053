package ai.digitaltwin.api.auth;

import ai.digitaltwin.api.error.ApiException;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues and verifies HS256 JWTs with {@code sub}, {@code role}, {@code iat}, {@code exp} and {@code jti}.
 * The verifier is pinned to HS256, so {@code alg: none} and any other algorithm are refused before the
 * signature is looked at; expiry is checked against the injected clock with no leeway.
 */
public final class Tokens {
  static final String ISSUER = "digital-twin-api";

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Duration ttl;
  private final Clock clock;

  public Tokens(String secret, Duration ttl, Clock clock) {
    this.algorithm = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
    this.ttl = ttl;
    this.clock = clock;
    this.verifier =
        ((JWTVerifier.BaseVerification)
                JWT.require(algorithm).withIssuer(ISSUER).withClaimPresence("sub").withClaimPresence("jti"))
            .build(clock);
  }

  /** A signed token and when it expires. */
  public record Issued(String token, Instant issuedAt, Instant expiresAt) {}

  public Issued issue(User user) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    String token =
        JWT.create()
            .withIssuer(ISSUER)
            .withSubject(user.username())
            .withClaim("role", user.role().wire())
            .withIssuedAt(now)
            .withExpiresAt(expires)
            .withJWTId(UUID.randomUUID().toString())
            .sign(algorithm);
    return new Issued(token, now, expires);
  }

  /** The token's subject, or a 401 saying what was wrong with it. */
  public String verify(String token) {
    try {
      DecodedJWT jwt = verifier.verify(token);
      if (jwt.getExpiresAt() == null || jwt.getIssuedAt() == null) {
        throw unauthorized("Token must carry exp and iat");
      }
      return jwt.getSubject();
    } catch (TokenExpiredException e) {
      throw unauthorized("Token has expired");
    } catch (AlgorithmMismatchException e) {
      throw unauthorized("Token algorithm is not accepted; only HS256 is");
    } catch (SignatureVerificationException e) {
      throw unauthorized("Token signature is invalid");
    } catch (JWTDecodeException e) {
      throw unauthorized("Token is malformed");
    } catch (JWTVerificationException e) {
      throw unauthorized("Token is not valid: " + e.getMessage());
    }
  }

  static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message, null);
  }
}
