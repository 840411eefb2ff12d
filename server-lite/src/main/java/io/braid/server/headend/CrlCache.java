package io.braid.server.headend;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The headend's copy of the manager's CRL, refreshed on a short interval: a revocation reaches the
 * headend within one interval. A fetched CRL is used only if its signature verifies with the issuing
 * CA's key; a failed refresh keeps the last good one (and says so in the log).
 */
public final class CrlCache {
    private static final Logger log = LoggerFactory.getLogger(CrlCache.class);

    private final Supplier<byte[]> source;
    private final PublicKey issuer;
    private volatile X509CRL crl;

    /** @param source fetches the DER CRL (in-process from the manager, or over HTTPS) */
    public CrlCache(Supplier<byte[]> source, PublicKey issuer) {
        this.source = source;
        this.issuer = issuer;
    }

    /** Fetches the current CRL; true when a valid one was installed. */
    public boolean refresh() {
        try {
            X509CRL fresh = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(source.get()));
            fresh.verify(issuer);
            crl = fresh;
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("CRL refresh failed, keeping the previous one: {}", e.getMessage());
            return false;
        }
    }

    public boolean isRevoked(X509Certificate certificate) {
        X509CRL current = crl;
        return current != null && current.isRevoked(certificate);
    }

    public boolean loaded() {
        return crl != null;
    }
}
