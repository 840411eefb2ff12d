package io.braid.server.devices;

import io.braid.server.ca.CertificateAuthority;
import io.braid.server.store.CertificateRepository;
import io.braid.server.store.CounterRepository;
import io.braid.server.store.Database;
import io.braid.server.store.IssuedCertificate;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes the CRL: regenerated (with the next CRL number) whenever a certificate is revoked, and
 * again before the previous one reaches half its validity, so a fetched CRL is always current.
 */
public final class CrlService {
    public static final Duration VALIDITY = Duration.ofHours(24);

    private final Database db;
    private final CertificateRepository certificates;
    private final CounterRepository counters;
    private final CertificateAuthority ca;
    private final Clock clock;
    private byte[] der;
    private Instant regenerateAfter = Instant.MIN;

    public CrlService(Database db, CertificateRepository certificates, CounterRepository counters, CertificateAuthority ca, Clock clock) {
        this.db = db;
        this.certificates = certificates;
        this.counters = counters;
        this.ca = ca;
        this.clock = clock;
    }

    /** The current CRL, DER-encoded. */
    public synchronized byte[] current() {
        if (der == null || clock.instant().isAfter(regenerateAfter)) {
            regenerate();
        }
        return der.clone();
    }

    /** Makes the next {@link #current()} sign a fresh CRL; called after every revocation commits. */
    public synchronized void invalidate() {
        der = null;
    }

    private void regenerate() {
        Instant now = clock.instant();
        record Snapshot(List<IssuedCertificate> revoked, long number) {}
        Snapshot s = db.inTransaction(c -> new Snapshot(certificates.revokedUnexpired(c, now), counters.next(c, "crl_number")));
        List<CertificateAuthority.Revocation> entries = s.revoked().stream()
                .map(r -> new CertificateAuthority.Revocation(new BigInteger(r.serial(), 16), r.revokedAt(),
                        CertificateAuthority.reasonCode(r.revocationReason())))
                .toList();
        try {
            der = ca.crl(entries, s.number(), now.plus(VALIDITY)).getEncoded();
        } catch (CRLException e) {
            throw new IllegalStateException("cannot encode the CRL", e);
        }
        regenerateAfter = now.plus(VALIDITY.dividedBy(2));
    }
}
