package io.braid.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;

/** Elliptic-curve key pairs as Braid uses them: P-256 for devices and servers, P-384 for the CA. */
public final class KeyPairs {
    private KeyPairs() {}

    public static KeyPair p256() {
        return ec("secp256r1");
    }

    public static KeyPair p384() {
        return ec("secp384r1");
    }

    private static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + curve + " keys", e);
        }
    }

    /** The field size of an EC key in bits (256 for P-256), or -1 for any other key type. */
    public static int ecBits(Key key) {
        return key instanceof ECKey ec ? ec.getParams().getCurve().getField().getFieldSize() : -1;
    }

    /** The JCA signature algorithm that fits an EC key (public or private) of this size. */
    public static String signatureAlgorithm(Key key) {
        return ecBits(key) > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
}
