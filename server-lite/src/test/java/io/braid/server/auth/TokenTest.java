package io.braid.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.braid.core.pki.KeyPairs;
import io.braid.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenTest {
    private static final String ISSUER = "urn:braid:ca:test";
    private static final String THUMBPRINT = "cert-thumbprint";

    private final MutableClock clock = MutableClock.startingNow();
    private final TokenKeys keys = TokenKeys.fromPrivateKey(KeyPairs.p256().getPrivate());
    private final TokenIssuer issuer = new TokenIssuer(keys, ISSUER, clock);
    private final TokenVerifier verifier = new TokenVerifier(keys.publicJwks(), ISSUER, clock);

    @Test
    void aFreshTokenVerifiesAndCarriesTheDeviceAndItsGroups() throws Exception {
        var token = issuer.issue("abcd1234efgh", List.of("staff", "ops"), THUMBPRINT);
        var verified = verifier.verify(token.accessToken(), THUMBPRINT);
        assertThat(verified.deviceId()).isEqualTo("abcd1234efgh");
        assertThat(verified.groups()).containsExactly("staff", "ops");
        assertThat(Duration.between(clock.instant(), token.expiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignedJWT.parse(token.accessToken()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void aTokenPresentedWithAnotherCertificateIsRefused() {
        var token = issuer.issue("abcd1234efgh", List.of(), THUMBPRINT);
        assertThatThrownBy(() -> verifier.verify(token.accessToken(), "another-certificate"))
                .hasMessageContaining("not bound to the presented certificate");
    }

    @Test
    void anExpiredTokenIsRefused() {
        var token = issuer.issue("abcd1234efgh", List.of(), THUMBPRINT);
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> verifier.verify(token.accessToken(), THUMBPRINT)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = issuer.issue("abcd1234efgh", List.of("staff"), THUMBPRINT).accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("staff", "admin");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(tampered, THUMBPRINT)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("abcd1234efgh").audience(TokenIssuer.AUDIENCE)
                .issueTime(new Date()).expirationTime(Date.from(clock.instant().plusSeconds(600)))
                .claim("cnf", Map.of("x5t#S256", THUMBPRINT)).build();
        String none = new PlainJWT(claims).serialize();
        assertThatThrownBy(() -> verifier.verify(none, THUMBPRINT)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void aTokenSignedWithASharedSecretOrAnotherKeyIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("abcd1234efgh").audience(TokenIssuer.AUDIENCE)
                .issueTime(new Date()).expirationTime(Date.from(clock.instant().plusSeconds(600)))
                .claim("cnf", Map.of("x5t#S256", THUMBPRINT)).build();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner(new byte[32]));
        assertThatThrownBy(() -> verifier.verify(hmac.serialize(), THUMBPRINT)).isInstanceOf(TokenVerifier.InvalidTokenException.class);

        TokenIssuer stranger = new TokenIssuer(TokenKeys.fromPrivateKey(KeyPairs.p256().getPrivate()), ISSUER, clock);
        String foreign = stranger.issue("abcd1234efgh", List.of(), THUMBPRINT).accessToken();
        assertThatThrownBy(() -> verifier.verify(foreign, THUMBPRINT)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String other = new TokenIssuer(keys, "urn:braid:ca:other", clock).issue("abcd1234efgh", List.of(), THUMBPRINT).accessToken();
        assertThatThrownBy(() -> verifier.verify(other, THUMBPRINT)).isInstanceOf(TokenVerifier.InvalidTokenException.class);
    }
}
