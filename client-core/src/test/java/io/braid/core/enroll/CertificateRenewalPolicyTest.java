package io.braid.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.pki.KeyPairs;
import io.braid.core.testing.TestCa;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificateRenewalPolicyTest {
    @Test
    void renewalIsDueOnceAThirdOfTheLifetimeIsLeft() {
        X509Certificate cert = new TestCa("t").device(KeyPairs.p256().getPublic(), "abcd1234", Duration.ofDays(90));
        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        Duration life = Duration.between(notBefore, notAfter);
        assertThat(CertificateRenewal.isDue(cert, notBefore.plus(Duration.ofDays(1)))).isFalse();
        assertThat(CertificateRenewal.isDue(cert, notAfter.minus(life.dividedBy(3)).minusSeconds(1))).isFalse();
        assertThat(CertificateRenewal.isDue(cert, notAfter.minus(life.dividedBy(3)))).isTrue();
        assertThat(CertificateRenewal.isDue(cert, notAfter.plusSeconds(1))).isTrue();
    }
}
