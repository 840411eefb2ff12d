package io.braid.server.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.manager.ManagerApi;
import io.braid.core.pki.Fingerprint;
import io.braid.core.pki.Pem;
import io.braid.server.audit.AuditLog;
import io.braid.server.events.DeviceChanged;
import io.braid.server.events.ManagerEvents;
import io.braid.server.auth.CertificateThumbprint;
import io.braid.server.auth.TokenIssuer;
import io.braid.server.ca.CertificateAuthority;
import io.braid.server.devices.DeviceSettings;
import io.braid.server.observe.Metrics;
import io.braid.server.store.CertificateRepository;
import io.braid.server.store.CounterRepository;
import io.braid.server.store.Database;
import io.braid.server.store.Device;
import io.braid.server.store.DeviceRepository;
import io.braid.server.store.EnrollmentKey;
import io.braid.server.store.EnrollmentKeyRepository;
import io.braid.server.store.IssuedCertificate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an enrollment key and a device's CSR into an enrolled device. Everything that can be checked
 * before touching the store is checked first; then one transaction takes a use of the key, allocates
 * the overlay address, records the device and its certificate and writes the audit entry, so a refused
 * or failed enrollment changes nothing. Failures cost the source address a rate-limit token.
 */
public final class EnrollmentService {
    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);

    private final Database db;
    private final EnrollmentKeyRepository keys;
    private final DeviceRepository devices;
    private final CertificateRepository certificates;
    private final CounterRepository counters;
    private final OverlayAddresses overlay;
    private final CertificateAuthority ca;
    private final TokenIssuer tokens;
    private final DeviceSettings settings;
    private final FailureRateLimiter limiter;
    private final AuditLog audit;
    private final ManagerEvents events;
    private final Metrics metrics;
    private final Clock clock;

    public EnrollmentService(Database db, EnrollmentKeyRepository keys, DeviceRepository devices, CertificateRepository certificates,
            CounterRepository counters, OverlayAddresses overlay, CertificateAuthority ca, TokenIssuer tokens, DeviceSettings settings,
            FailureRateLimiter limiter, AuditLog audit, ManagerEvents events, Metrics metrics, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.devices = devices;
        this.certificates = certificates;
        this.counters = counters;
        this.overlay = overlay;
        this.ca = ca;
        this.tokens = tokens;
        this.settings = settings;
        this.limiter = limiter;
        this.audit = audit;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    public ManagerApi.EnrollResponse enroll(ManagerApi.EnrollRequest request, String source) {
        if (!limiter.allowed(source)) {
            metrics.enrollmentFailures.labelValues(ErrorCode.RATE_LIMITED.id()).inc();
            log.warn("enrollment refused source={} reason={}", source, ErrorCode.RATE_LIMITED.id());
            throw new BraidException(ErrorCode.RATE_LIMITED, "too many failed enrollment attempts from " + source + "; try again later");
        }
        String keyId = keyId(request.key());
        try {
            if (keyId == null) {
                throw new BraidException(ErrorCode.KEY_UNKNOWN, "the enrollment key is malformed");
            }
            String name = validName(request.name());
            String os = request.os() == null ? null : request.os().strip();
            if (os != null && (os.length() > 64 || os.chars().anyMatch(Character::isISOControl))) {
                throw new BraidException(ErrorCode.BAD_INPUT, "the os field has at most 64 printable characters");
            }
            String secret = request.key().substring(keyId.length() + 1);
            PublicKey devicePublicKey = CsrValidator.validate(request.csr());
            // Signing is the slow part, so it happens between a read-only check of the key (no signing for
            // unknown or spent keys) and the transaction (which holds the store's write lock only briefly and
            // re-checks the key). If the transaction refuses, the certificate is dropped, never sent or recorded.
            db.read(c -> usableKey(c, keyId, secret, clock.instant()));
            String deviceId = Ids.id(12);
            X509Certificate cert = ca.issueDevice(devicePublicKey, deviceId);
            Enrolled enrolled = db.inTransaction(c -> enrollIn(c, keyId, secret, name, os, deviceId, cert, source));
            ManagerApi.AccessToken token = tokens.issue(enrolled.device().id(), enrolled.device().groups(),
                    CertificateThumbprint.of(enrolled.certificate()));
            metrics.enrollments.inc();
            metrics.tokens.inc();
            events.publish(new DeviceChanged(DeviceChanged.ENROLLED, enrolled.device().id(), enrolled.device()));
            log.info("enrolled device={} name={} key={} source={}", enrolled.device().id(), name, keyId, source);
            return new ManagerApi.EnrollResponse(enrolled.device().id(), name, Pem.encode(enrolled.certificate()),
                    Pem.encodeChain(ca.chain()), token, settings.of(enrolled.device()));
        } catch (BraidException e) {
            refused(e, keyId, source);
            throw e;
        }
    }

    private record Enrolled(Device device, X509Certificate certificate) {}

    private Enrolled enrollIn(Connection c, String keyId, String secret, String name, String os, String deviceId, X509Certificate cert,
            String source) throws SQLException {
        Instant now = clock.instant();
        EnrollmentKey key = usableKey(c, keyId, secret, now);
        if (!keys.consumeUse(c, keyId, now)) {
            throw refusedKey("used_up"); // another enrollment took the last use since the check
        }
        String ipv4 = allocateOverlay(c);
        Device device = new Device(deviceId, name, os, key.groups(), Device.ENABLED, keyId, ipv4, overlay.ipv6For(ipv4), source, now, null);
        devices.insert(c, device);
        certificates.insert(c, record(cert, deviceId), now);
        audit.record(c, new AuditLog.Actor("key:" + keyId, source), "device.enroll", deviceId, AuditLog.SUCCESS, "name=" + name + " os=" + os);
        return new Enrolled(device, cert);
    }

    /** The key if its secret matches and it can still enroll a device at {@code now}; otherwise the reason why not. */
    private EnrollmentKey usableKey(Connection c, String keyId, String secret, Instant now) throws SQLException {
        EnrollmentKeyRepository.Stored stored = keys.find(c, keyId).orElseThrow(EnrollmentService::unknownKey);
        if (!MessageDigest.isEqual(stored.secretHash().getBytes(StandardCharsets.US_ASCII),
                EnrollmentKeyService.hash(secret).getBytes(StandardCharsets.US_ASCII))) {
            throw unknownKey();
        }
        String unusable = stored.key().unusableReason(now);
        if (unusable != null) {
            throw refusedKey(unusable);
        }
        return stored.key();
    }

    private static BraidException refusedKey(String reason) {
        return switch (reason) {
            case "revoked" -> new BraidException(ErrorCode.KEY_REVOKED, "this enrollment key has been revoked");
            case "expired" -> new BraidException(ErrorCode.KEY_EXPIRED, "this enrollment key has expired");
            default -> new BraidException(ErrorCode.KEY_USED_UP, "this enrollment key has already been used up");
        };
    }

    private String allocateOverlay(Connection c) throws SQLException {
        long capacity = overlay.deviceCapacity();
        for (long attempt = 0; attempt < capacity; attempt++) {
            long n = (counters.next(c, "overlay_next") - 1) % capacity;
            String candidate = overlay.deviceIpv4(n);
            if (!devices.overlayIpv4Taken(c, candidate)) {
                return candidate;
            }
        }
        throw new BraidException(ErrorCode.CONFLICT, "the overlay address pool is exhausted");
    }

    public static IssuedCertificate record(X509Certificate cert, String deviceId) {
        return new IssuedCertificate(cert.getSerialNumber().toString(16), deviceId, Fingerprint.of(cert).toString(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), null, null);
    }

    private void refused(BraidException e, String keyId, String source) {
        limiter.recordFailure(source);
        metrics.enrollmentFailures.labelValues(e.code().id()).inc();
        log.warn("enrollment refused source={} key={} reason={}", source, keyId, e.code().id());
        try {
            db.inTransaction(c -> {
                audit.record(c, new AuditLog.Actor(keyId == null ? "anonymous" : "key:" + keyId, source), "device.enroll", null,
                        AuditLog.FAILURE, e.code().id());
                return null;
            });
        } catch (RuntimeException auditFailure) {
            log.error("could not audit a refused enrollment", auditFailure);
        }
    }

    /** The key's id part if the key is well-formed, or null (the secret part is never logged). */
    private static String keyId(String key) {
        if (key == null) {
            return null;
        }
        int dot = key.indexOf('.');
        if (dot < 1 || dot > 40 || key.length() > 200 || !key.substring(0, dot).matches("[a-z0-9]+")) {
            return null;
        }
        return key.substring(0, dot);
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 64 || n.chars().anyMatch(Character::isISOControl)) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the device name must have 1 to 64 printable characters");
        }
        return n;
    }

    private static BraidException unknownKey() {
        return new BraidException(ErrorCode.KEY_UNKNOWN, "this enrollment key is not known to the server");
    }
}
