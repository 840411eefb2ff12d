package io.braid.core.pki;

import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Builds the PKCS#10 request a device sends at enrollment and renewal; the private key never leaves the device. */
public final class CertificateRequests {
    private CertificateRequests() {}

    public static PKCS10CertificationRequest create(KeyPair keyPair, String commonName) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(keyPair.getPublic())).build(keyPair.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certificate request", e);
        }
    }
}
