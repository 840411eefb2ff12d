package io.braid.server.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.pki.CertificateRequests;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class CsrValidatorTest {
    private static ErrorCode refusal(String pem) {
        try {
            CsrValidator.validate(pem);
        } catch (BraidException e) {
            return e.code();
        }
        throw new AssertionError("CSR was accepted");
    }

    @Test
    void acceptsARequestSignedByTheKeyItCarries() {
        KeyPair kp = KeyPairs.p256();
        assertThat(CsrValidator.validate(Pem.encode(CertificateRequests.create(kp, "laptop")))).isEqualTo(kp.getPublic());
        KeyPair p384 = KeyPairs.p384();
        assertThat(CsrValidator.validate(Pem.encode(CertificateRequests.create(p384, "laptop")))).isEqualTo(p384.getPublic());
    }

    @Test
    void refusesARequestWhoseSignatureDoesNotVerify() throws Exception {
        KeyPair claimed = KeyPairs.p256();
        KeyPair signer = KeyPairs.p256();
        // Proof of possession fails: the request carries one key but is signed by another.
        PKCS10CertificationRequest forged = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), claimed.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
        assertThat(refusal(Pem.encode(forged))).isEqualTo(ErrorCode.CSR_INVALID);
    }

    @Test
    void refusesKeyTypesThatAreNotAllowed() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair kp = rsa.generateKeyPair();
        PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
        assertThat(refusal(Pem.encode(csr))).isEqualTo(ErrorCode.CSR_KEY_NOT_ALLOWED);
    }

    @Test
    void refusesGarbageAndOversizeInput() {
        assertThat(refusal(null)).isEqualTo(ErrorCode.CSR_INVALID);
        assertThat(refusal("hello")).isEqualTo(ErrorCode.CSR_INVALID);
        assertThat(refusal("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")).isEqualTo(ErrorCode.CSR_INVALID);
        assertThat(refusal("x".repeat(CsrValidator.MAX_PEM_CHARS + 1))).isEqualTo(ErrorCode.CSR_INVALID);
        assertThatThrownBy(() -> CsrValidator.validate(Pem.encode(KeyPairs.p256().getPublic()))).isInstanceOf(BraidException.class);
    }
}
