package io.braid.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;

/** The manager's ES256 token-signing key as a JWK (with its RFC 7638 thumbprint as kid) and the public JWKS. */
public final class TokenKeys {
    private final ECKey signingKey;

    private TokenKeys(ECKey signingKey) {
        this.signingKey = signingKey;
    }

    public static TokenKeys fromPrivateKey(PrivateKey privateKey) {
        try {
            ECPrivateKey ecPrivate = (ECPrivateKey) privateKey;
            ECKey withoutKid = new ECKey.Builder(Curve.P_256, publicKeyOf(ecPrivate)).privateKey(ecPrivate).build();
            ECKey key = new ECKey.Builder(withoutKid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(withoutKid.computeThumbprint().toString()).build();
            return new TokenKeys(key);
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("unusable token-signing key", e);
        }
    }

    public ECKey signingKey() {
        return signingKey;
    }

    /** The public half, as served on /.well-known/jwks.json. */
    public JWKSet publicJwks() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** Derives the public point Q = d·G, since PKCS#8 files do not always carry the public key. */
    private static ECPublicKey publicKeyOf(ECPrivateKey key) throws java.security.GeneralSecurityException {
        ECNamedCurveParameterSpec spec = ECNamedCurveTable.getParameterSpec("secp256r1");
        var q = spec.getG().multiply(key.getS()).normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, key.getParams()));
    }
}
