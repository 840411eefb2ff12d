package io.braid.server.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import java.io.IOException;
import java.security.PublicKey;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * Accepts a device's PKCS#10 request only if it is well-formed, its signature verifies with the key it
 * carries (proof the device holds the private key), and that key is an allowed type: EC P-256 or P-384.
 * The subject it asks for is ignored; the CA decides what the certificate says.
 */
public final class CsrValidator {
    public static final int MAX_PEM_CHARS = 8 * 1024;

    private CsrValidator() {}

    public static PublicKey validate(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new BraidException(ErrorCode.CSR_INVALID, "the request has no certificate signing request");
        }
        if (pem.length() > MAX_PEM_CHARS) {
            throw new BraidException(ErrorCode.CSR_INVALID, "the certificate signing request is too large");
        }
        JcaPKCS10CertificationRequest csr;
        PublicKey key;
        try {
            csr = new JcaPKCS10CertificationRequest(Pem.csr(pem));
            key = csr.getPublicKey();
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new BraidException(ErrorCode.CSR_INVALID, "the certificate signing request cannot be parsed");
        }
        int bits = KeyPairs.ecBits(key);
        if (bits != 256 && bits != 384) {
            throw new BraidException(ErrorCode.CSR_KEY_NOT_ALLOWED, "the certificate signing request's key must be EC P-256 or P-384, not "
                    + key.getAlgorithm() + (bits > 0 ? " " + bits : ""));
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new BraidException(ErrorCode.CSR_INVALID, "the certificate signing request's signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new BraidException(ErrorCode.CSR_INVALID, "the certificate signing request's signature does not verify");
        }
        return key;
    }
}
