package io.braid.core.testing;

import io.braid.core.pki.DeviceIdentity;
import io.braid.core.pki.KeyPairs;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for tests: a root and an issuing CA, and leaves for servers and
 * devices, so tests can build real chains (and wrong ones) without the server module.
 */
public final class TestCa {
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    public final KeyPair rootKey = KeyPairs.p256();
    public final X509Certificate root;
    public final KeyPair issuingKey = KeyPairs.p256();
    public final X509Certificate issuing;

    public TestCa(String name) {
        root = build(new X500Name("CN=" + name + " Root"), rootKey, new X500Name("CN=" + name + " Root"), rootKey.getPublic(), true,
                Duration.ofDays(365), List.of());
        issuing = build(new X500Name("CN=" + name + " Root"), rootKey, new X500Name("CN=" + name + " Issuing"), issuingKey.getPublic(),
                true, Duration.ofDays(365), List.of());
    }

    /** A server certificate for these hosts (IP literals or DNS names). */
    public X509Certificate server(PublicKey key, String... hosts) {
        List<GeneralName> names = new java.util.ArrayList<>();
        for (String h : hosts) {
            names.add(h.matches("[0-9.]+") || h.contains(":") ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h));
        }
        return build(new X500Name("CN=" + name(issuing)), issuingKey, new X500Name("CN=" + hosts[0]), key, false, Duration.ofDays(30), names);
    }

    /** A device certificate naming this device id, as the manager issues them. */
    public X509Certificate device(PublicKey key, String deviceId, Duration lifetime) {
        return build(new X500Name("CN=" + name(issuing)), issuingKey, new X500Name("CN=" + deviceId), key, false, lifetime,
                List.of(new GeneralName(GeneralName.uniformResourceIdentifier, DeviceIdentity.uri(deviceId))));
    }

    public List<X509Certificate> chainAbove() {
        return List.of(issuing, root);
    }

    private static String name(X509Certificate c) {
        return c.getSubjectX500Principal().getName().replace("CN=", "");
    }

    private static X509Certificate build(X500Name issuerName, KeyPair issuerKey, X500Name subject, PublicKey subjectKey, boolean ca,
            Duration lifetime, List<GeneralName> sans) {
        try {
            Instant now = Instant.now();
            var b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(now.minusSeconds(60)), Date.from(now.plus(lifetime)), subject, subjectKey);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(new GeneralName[0])));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
