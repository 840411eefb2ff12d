package io.braid.core.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.pki.DeviceIdentity;
import io.braid.core.pki.Fingerprint;
import io.braid.core.pki.Pem;
import io.braid.core.pki.PinnedCaTrust;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what the manager handed back before anything is stored: a certificate for our own key,
 * naming the device id we were told, chained to the pinned CA. A server answering with somebody
 * else's certificate, or with garbage, is refused and nothing changes on the device.
 */
final class IssuedIdentity {
    private IssuedIdentity() {}

    /** The validated chain, leaf first and root last. */
    static List<X509Certificate> verify(String leafPem, String caChainPem, PublicKey ourKey, String expectedDeviceId, Fingerprint pin) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            chain.add(Pem.certificate(leafPem));
            chain.addAll(Pem.certificates(caChainPem));
        } catch (CertificateException | RuntimeException e) {
            throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server returned a certificate that cannot be read");
        }
        X509Certificate leaf = chain.getFirst();
        if (!leaf.getPublicKey().equals(ourKey)) {
            throw new BraidException(ErrorCode.CERTIFICATE_MISMATCH, "the server returned a certificate for another key; refusing it");
        }
        String named = DeviceIdentity.deviceId(leaf).orElse(null);
        if (expectedDeviceId == null || !expectedDeviceId.equals(named)) {
            throw new BraidException(ErrorCode.CERTIFICATE_MISMATCH, "the server returned a certificate for another device; refusing it");
        }
        X509Certificate root = chain.getLast();
        if (!pin.matches(root)) {
            throw new BraidException(ErrorCode.CA_MISMATCH, "the server's CA chain does not end at the pinned CA " + pin);
        }
        try {
            PinnedCaTrust.forRoot(root).validate(chain.toArray(new X509Certificate[0]));
        } catch (CertificateException e) {
            throw new BraidException(ErrorCode.CERTIFICATE_MISMATCH, "the issued certificate does not verify: " + e.getMessage());
        }
        return chain;
    }
}
