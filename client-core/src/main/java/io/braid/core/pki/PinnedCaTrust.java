package io.braid.core.pki;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a peer only through one CA, identified by the SHA-256 fingerprint of its root certificate.
 *
 * <p>At enrollment the device knows nothing but the fingerprint from its link, so the root must come
 * in the server's chain and match the pin; afterwards the stored root is used as the anchor. Either
 * way the chain is then checked by the JDK's PKIX validator (signatures, validity, CA constraints),
 * so a fingerprint match alone never lets a forged leaf through. There is no trust-on-first-use.
 */
public final class PinnedCaTrust extends X509ExtendedTrustManager {
    private final Fingerprint pin;
    private final X509Certificate knownRoot;

    private PinnedCaTrust(Fingerprint pin, X509Certificate knownRoot) {
        this.pin = pin;
        this.knownRoot = knownRoot;
    }

    /** Trusts the CA with this fingerprint, whose root the peer must send in its chain. */
    public static PinnedCaTrust forFingerprint(Fingerprint pin) {
        return new PinnedCaTrust(pin, null);
    }

    /** Trusts this root (already pinned and stored). */
    public static PinnedCaTrust forRoot(X509Certificate root) {
        return new PinnedCaTrust(Fingerprint.of(root), root);
    }

    /** Validates a chain (leaf first) against the pinned CA; the message says why when it fails. */
    public void validate(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer sent no certificate");
        }
        X509Certificate root = knownRoot;
        List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
        for (X509Certificate c : chain) {
            if (pin.matches(c)) {
                root = c;
                path.remove(c);
            }
        }
        if (root == null) {
            throw new CertificateException("the server's CA does not match the pinned fingerprint " + pin);
        }
        if (path.isEmpty()) {
            throw new CertificateException("the peer presented the CA itself rather than a certificate issued by it");
        }
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the peer's certificate does not chain to the pinned CA: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        validate(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        validate(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        validate(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        validate(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        validate(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        validate(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return knownRoot == null ? new X509Certificate[0] : new X509Certificate[] {knownRoot};
    }
}
