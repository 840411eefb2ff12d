package io.braid.core.pki;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.testing.TestCa;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PinnedCaTrustTest {
    private final TestCa ca = new TestCa("braid");
    private final TestCa other = new TestCa("impostor");
    private final KeyPair leafKey = KeyPairs.p256();

    @Test
    void acceptsAChainThatEndsAtThePinnedRoot() {
        X509Certificate leaf = ca.server(leafKey.getPublic(), "127.0.0.1");
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(Fingerprint.of(ca.root));
        assertThatCode(() -> trust.validate(new X509Certificate[] {leaf, ca.issuing, ca.root})).doesNotThrowAnyException();
    }

    @Test
    void refusesAChainFromAnotherCa() {
        X509Certificate leaf = other.server(leafKey.getPublic(), "127.0.0.1");
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(Fingerprint.of(ca.root));
        assertThatThrownBy(() -> trust.validate(new X509Certificate[] {leaf, other.issuing, other.root}))
                .isInstanceOf(CertificateException.class).hasMessageContaining("does not match the pinned fingerprint");
    }

    @Test
    void refusesALeafThatOnlyClaimsToComeFromThePinnedCa() {
        // The impostor sends the real root (public, so anyone has it) above its own chain.
        X509Certificate leaf = other.server(leafKey.getPublic(), "127.0.0.1");
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(Fingerprint.of(ca.root));
        assertThatThrownBy(() -> trust.validate(new X509Certificate[] {leaf, other.issuing, ca.root}))
                .isInstanceOf(CertificateException.class).hasMessageContaining("does not chain to the pinned CA");
    }

    @Test
    void refusesTheRootAlone() {
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(Fingerprint.of(ca.root));
        assertThatThrownBy(() -> trust.validate(new X509Certificate[] {ca.root})).isInstanceOf(CertificateException.class);
    }

    @Test
    void aStoredRootTrustsChainsThatOmitIt() {
        X509Certificate device = ca.device(leafKey.getPublic(), "abcd1234", Duration.ofDays(1));
        assertThatCode(() -> PinnedCaTrust.forRoot(ca.root).validate(new X509Certificate[] {device, ca.issuing}))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PinnedCaTrust.forRoot(other.root).validate(new X509Certificate[] {device, ca.issuing}))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void fingerprintsParseOnlyTheCanonicalForm() {
        Fingerprint f = Fingerprint.of(ca.root);
        org.assertj.core.api.Assertions.assertThat(Fingerprint.parse(f.toString().toUpperCase().replace("SHA256", "sha256"))).isEqualTo(f);
        for (String bad : new String[] {"", "sha1:abcd", "sha256:xyz", "sha256:" + "a".repeat(63), f.toString().substring(7)}) {
            assertThatThrownBy(() -> Fingerprint.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
