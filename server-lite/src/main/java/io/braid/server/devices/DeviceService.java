package io.braid.server.devices;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.manager.ManagerApi;
import io.braid.core.manager.TunnelSettings;
import io.braid.core.pki.DeviceIdentity;
import io.braid.core.pki.Pem;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.CertificateThumbprint;
import io.braid.server.auth.TokenIssuer;
import io.braid.server.ca.CertificateAuthority;
import io.braid.server.enroll.CsrValidator;
import io.braid.server.events.DeviceChanged;
import io.braid.server.events.ManagerEvents;
import io.braid.server.enroll.EnrollmentService;
import io.braid.server.observe.Metrics;
import io.braid.server.store.CertificateRepository;
import io.braid.server.store.Database;
import io.braid.server.store.Device;
import io.braid.server.store.DeviceRepository;
import io.braid.server.store.IssuedCertificate;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Devices after enrollment: what admins do to them (disable, enable, revoke, delete) and what devices
 * do for themselves over mutual TLS (refresh the token, renew the certificate, fetch settings). A
 * device authenticates by a certificate the CA issued, not revoked, for a device that exists and is
 * enabled; the TLS layer has already checked the chain and the private key.
 */
public final class DeviceService {
    private final Database db;
    private final DeviceRepository devices;
    private final CertificateRepository certificates;
    private final CertificateAuthority ca;
    private final TokenIssuer tokens;
    private final DeviceSettings settings;
    private final CrlService crl;
    private final AuditLog audit;
    private final ManagerEvents events;
    private final Metrics metrics;
    private final Clock clock;

    public DeviceService(Database db, DeviceRepository devices, CertificateRepository certificates, CertificateAuthority ca,
            TokenIssuer tokens, DeviceSettings settings, CrlService crl, AuditLog audit, ManagerEvents events, Metrics metrics, Clock clock) {
        this.db = db;
        this.devices = devices;
        this.certificates = certificates;
        this.ca = ca;
        this.tokens = tokens;
        this.settings = settings;
        this.crl = crl;
        this.audit = audit;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A device with the certificates issued to it, as `devices show` prints it. */
    public record Detail(Device device, List<IssuedCertificate> certificates) {}

    public List<Device> list() {
        return db.read(devices::list);
    }

    public Detail show(String id) {
        return db.read(c -> new Detail(devices.find(c, id).orElseThrow(() -> notFound(id)), certificates.forDevice(c, id)));
    }

    public Device disable(String id, AuditLog.Actor actor) {
        return changeStatus(id, Device.DISABLED, "device.disable", actor);
    }

    public Device enable(String id, AuditLog.Actor actor) {
        return changeStatus(id, Device.ENABLED, "device.enable", actor);
    }

    /** Revokes every certificate of the device and marks it revoked; the CRL is re-signed at once. */
    public Device revoke(String id, AuditLog.Actor actor) {
        Device d = db.inTransaction(c -> {
            Device device = devices.find(c, id).orElseThrow(() -> notFound(id));
            if (Device.REVOKED.equals(device.status())) {
                throw new BraidException(ErrorCode.CONFLICT, "device " + id + " is already revoked");
            }
            int n = certificates.revokeAllOf(c, id, clock.instant(), "cessation_of_operation");
            devices.setStatus(c, id, Device.REVOKED);
            audit.record(c, actor, "device.revoke", id, AuditLog.SUCCESS, "certificates=" + n);
            return devices.find(c, id).orElseThrow();
        });
        crl.invalidate();
        events.publish(new DeviceChanged(DeviceChanged.REVOKED, id, d));
        return d;
    }

    /** Deletes the device record; its certificates are revoked first and stay on the CRL until they expire. */
    public void delete(String id, AuditLog.Actor actor) {
        db.inTransaction(c -> {
            devices.find(c, id).orElseThrow(() -> notFound(id));
            int n = certificates.revokeAllOf(c, id, clock.instant(), "cessation_of_operation");
            devices.delete(c, id);
            audit.record(c, actor, "device.delete", id, AuditLog.SUCCESS, "certificates revoked=" + n);
            return null;
        });
        crl.invalidate();
        events.publish(new DeviceChanged(DeviceChanged.DELETED, id, null));
    }

    /** The enabled device a client certificate belongs to, or the reason it is refused. */
    public Device authenticate(X509Certificate certificate) {
        if (certificate == null) {
            throw new BraidException(ErrorCode.UNAUTHENTICATED, "this endpoint needs the device's certificate (mutual TLS)");
        }
        String deviceId = DeviceIdentity.deviceId(certificate)
                .orElseThrow(() -> new BraidException(ErrorCode.UNAUTHENTICATED, "the client certificate names no Braid device"));
        return db.read(c -> {
            IssuedCertificate issued = certificates.find(c, certificate.getSerialNumber().toString(16))
                    .filter(i -> i.deviceId().equals(deviceId))
                    .orElseThrow(() -> new BraidException(ErrorCode.UNAUTHENTICATED, "the client certificate was not issued by this server"));
            if (issued.revokedAt() != null) {
                throw new BraidException(ErrorCode.DEVICE_REVOKED, "this device's certificate has been revoked");
            }
            Device device = devices.find(c, deviceId)
                    .orElseThrow(() -> new BraidException(ErrorCode.DEVICE_REVOKED, "this device has been deleted"));
            switch (device.status()) {
                case Device.DISABLED -> throw new BraidException(ErrorCode.DEVICE_DISABLED, "this device has been disabled by an administrator");
                case Device.REVOKED -> throw new BraidException(ErrorCode.DEVICE_REVOKED, "this device has been revoked");
                default -> {}
            }
            devices.touch(c, deviceId, clock.instant());
            return device;
        });
    }

    public ManagerApi.AccessToken refreshToken(X509Certificate certificate) {
        Device device = authenticate(certificate);
        metrics.tokens.inc();
        return tokens.issue(device.id(), device.groups(), CertificateThumbprint.of(certificate));
    }

    public TunnelSettings settings(X509Certificate certificate) {
        return settings.of(authenticate(certificate));
    }

    /** Issues a new certificate for a new key; the old certificate stays valid until it expires, so a lost answer locks nobody out. */
    public ManagerApi.RenewResponse renew(X509Certificate certificate, ManagerApi.RenewRequest request, String source) {
        Device device = authenticate(certificate);
        PublicKey key = CsrValidator.validate(request.csr());
        X509Certificate renewed = ca.issueDevice(key, device.id());
        Instant now = clock.instant();
        db.inTransaction(c -> {
            certificates.insert(c, EnrollmentService.record(renewed, device.id()), now);
            audit.record(c, new AuditLog.Actor("device:" + device.id(), source), "device.renew", device.id(), AuditLog.SUCCESS,
                    "serial=" + renewed.getSerialNumber().toString(16));
            return null;
        });
        metrics.renewals.inc();
        return new ManagerApi.RenewResponse(Pem.encode(renewed), Pem.encodeChain(ca.chain()));
    }

    private Device changeStatus(String id, String status, String action, AuditLog.Actor actor) {
        Device changed = db.inTransaction(c -> {
            Device device = devices.find(c, id).orElseThrow(() -> notFound(id));
            if (Device.REVOKED.equals(device.status())) {
                throw new BraidException(ErrorCode.CONFLICT, "device " + id + " is revoked; it can only be deleted");
            }
            if (device.status().equals(status)) {
                throw new BraidException(ErrorCode.CONFLICT, "device " + id + " is already " + status);
            }
            devices.setStatus(c, id, status);
            audit.record(c, actor, action, id, AuditLog.SUCCESS, null);
            return devices.find(c, id).orElseThrow();
        });
        events.publish(new DeviceChanged(Device.ENABLED.equals(status) ? DeviceChanged.ENABLED : DeviceChanged.DISABLED, id, changed));
        return changed;
    }

    private static BraidException notFound(String id) {
        return new BraidException(ErrorCode.NOT_FOUND, "no device " + id);
    }
}
