package io.braid.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.braid.core.manager.ManagerApi.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues a device's short-lived access token: ES256, {@code sub} = device id, its groups, and a
 * {@code cnf} claim with the SHA-256 thumbprint of its certificate (RFC 8705), so the token is
 * worthless without the matching certificate's private key.
 */
public final class TokenIssuer {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    public static final String AUDIENCE = "braid-headend";

    private final TokenKeys keys;
    private final String issuer;
    private final Clock clock;

    public TokenIssuer(TokenKeys keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    public AccessToken issue(String deviceId, List<String> groups, String certificateThumbprint) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(deviceId)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(30)))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("groups", groups)
                .claim("cnf", Map.of("x5t#S256", certificateThumbprint))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(keys.signingKey().getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new AccessToken(jwt.serialize(), expires);
    }
}
