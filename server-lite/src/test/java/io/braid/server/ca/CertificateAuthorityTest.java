package io.braid.server.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.pki.DeviceIdentity;
import io.braid.core.pki.KeyPairs;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
    private final Clock clock = Clock.systemUTC();
    private final CertificateAuthority.Created created = CertificateAuthority.create("Braid", clock);
    private final CertificateAuthority ca = new CertificateAuthority(created.root(), created.issuing(), created.issuingKey().getPrivate(), clock);

    /** Validates with the JDK's own PKIX implementation, the way any TLS peer would. */
    private static void pkixValidate(List<X509Certificate> pathWithoutRoot, X509Certificate root, Date at) throws Exception {
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        params.setRevocationEnabled(false);
        params.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(pathWithoutRoot), params);
    }

    @Test
    void theRootIsAP384CaForTenYearsAndSignsOnlyTheIssuingCa() {
        X509Certificate root = created.root();
        assertThat(((ECPublicKey) root.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(384);
        assertThat(root.getBasicConstraints()).isEqualTo(1);
        assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays()).isBetween(3650L, 3653L);
        assertThat(created.issuing().getBasicConstraints()).isZero();
        assertThat(((ECPublicKey) created.issuing().getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(created.issuing().getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    }

    @Test
    void aDeviceCertificateChainsToTheRootAndNamesTheDevice() throws Exception {
        KeyPair device = KeyPairs.p256();
        X509Certificate cert = ca.issueDevice(device.getPublic(), "abcdef123456");
        pkixValidate(List.of(cert, created.issuing()), created.root(), new Date());
        assertThat(DeviceIdentity.deviceId(cert)).contains("abcdef123456");
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=abcdef123456");
        assertThat(cert.getPublicKey()).isEqualTo(device.getPublic());
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays()).isEqualTo(90);
    }

    @Test
    void aDeviceCertificateIsRefusedAfterItExpires() {
        X509Certificate cert = ca.issueDevice(KeyPairs.p256().getPublic(), "abcdef123456");
        assertThatThrownBy(() -> pkixValidate(List.of(cert, created.issuing()), created.root(),
                Date.from(Instant.now().plus(Duration.ofDays(91))))).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void aDeviceCertificateCannotActAsACa() throws Exception {
        KeyPair deviceKey = KeyPairs.p256();
        X509Certificate device = ca.issueDevice(deviceKey.getPublic(), "abcdef123456");
        // A device that signs a certificate of its own must not produce anything a peer accepts.
        CertificateAuthority rogue = new CertificateAuthority(created.root(), device, deviceKey.getPrivate(), clock);
        X509Certificate forged = rogue.issueDevice(KeyPairs.p256().getPublic(), "victim000000");
        assertThatThrownBy(() -> pkixValidate(List.of(forged, device, created.issuing()), created.root(), new Date()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void aServerCertificateCoversItsNamesAndAddresses() throws Exception {
        X509Certificate cert = ca.issueServer(KeyPairs.p256().getPublic(), "vpn.example.com", List.of("vpn.example.com", "198.18.0.1", "::1"));
        pkixValidate(List.of(cert, created.issuing()), created.root(), new Date());
        assertThat(cert.getSubjectAlternativeNames()).extracting(san -> san.get(1).toString())
                .containsExactlyInAnyOrder("vpn.example.com", "198.18.0.1", "0:0:0:0:0:0:0:1");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void theCrlIsSignedByTheIssuingCaAndListsRevokedSerials() throws Exception {
        X509Certificate revoked = ca.issueDevice(KeyPairs.p256().getPublic(), "revoked00000");
        X509Certificate kept = ca.issueDevice(KeyPairs.p256().getPublic(), "kept00000000");
        X509CRL crl = ca.crl(List.of(new CertificateAuthority.Revocation(revoked.getSerialNumber(), Instant.now(), 5)), 7,
                Instant.now().plus(Duration.ofHours(1)));
        crl.verify(created.issuing().getPublicKey());
        assertThat(crl.isRevoked(revoked)).isTrue();
        assertThat(crl.isRevoked(kept)).isFalse();
        var number = org.bouncycastle.asn1.ASN1Integer.getInstance(
                org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue("2.5.29.20")));
        assertThat(number.getValue()).isEqualTo(BigInteger.valueOf(7));
    }
}
