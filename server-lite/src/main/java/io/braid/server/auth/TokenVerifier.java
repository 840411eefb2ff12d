package io.braid.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a device access token: ES256 only (so {@code alg: none} and algorithm swaps fail), a
 * signature by a key in the JWKS, issuer and audience, time window, and the {@code cnf} binding to the
 * certificate the device presented. Used by the headend on every control session and token refresh.
 */
public final class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** What a valid token says about the device. */
    public record VerifiedToken(String deviceId, List<String> groups, Date expiresAt) {}

    /** Why a token was refused. */
    public static final class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message);
        }
    }

    public TokenVerifier(JWKSet jwks, String issuer, Clock clock) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(TokenIssuer.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat", "cnf")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew(30);
        processor.setJWTClaimsSetVerifier(claims);
    }

    public VerifiedToken verify(String token, String expectedCertificateThumbprint) throws InvalidTokenException {
        if (token == null || token.isBlank() || token.length() > 8192) {
            throw new InvalidTokenException("no usable token");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidTokenException("token rejected: " + e.getMessage());
        }
        Object cnf = claims.getClaim("cnf");
        if (!(cnf instanceof Map<?, ?> map) || !(map.get("x5t#S256") instanceof String thumbprint)
                || !MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
                        expectedCertificateThumbprint.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidTokenException("token is not bound to the presented certificate");
        }
        try {
            List<String> groups = claims.getStringListClaim("groups");
            return new VerifiedToken(claims.getSubject(), groups == null ? List.of() : groups, claims.getExpirationTime());
        } catch (ParseException e) {
            throw new InvalidTokenException("token groups are malformed");
        }
    }
}
