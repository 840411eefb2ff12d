package io.braid.server.headend;

import io.braid.core.control.CloseReason;
import io.braid.core.pki.DeviceIdentity;
import io.braid.server.auth.CertificateThumbprint;
import io.braid.server.auth.TokenVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Who may hold a session, checked at setup and again for as long as it lasts (continuous
 * verification): a certificate chained to Braid's CA (checked by TLS) and not on the CRL, an access
 * token that verifies and is bound to that certificate and names the same device, and a device the
 * manager knows and has enabled.
 */
public final class Admission {
    private final CrlCache crl;
    private final TokenVerifier tokens;
    private final DeviceDirectory devices;

    public Admission(CrlCache crl, TokenVerifier tokens, DeviceDirectory devices) {
        this.crl = crl;
        this.tokens = tokens;
        this.devices = devices;
    }

    /** A refusal with the close reason to send. */
    public static final class Refused extends Exception {
        private final String reason;

        public Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public record Admitted(String deviceId, List<String> groups, String overlayIpv4, String overlayIpv6, Instant tokenExpires) {}

    public Admitted admit(X509Certificate certificate, String token) throws Refused {
        String deviceId = DeviceIdentity.deviceId(certificate)
                .orElseThrow(() -> new Refused(CloseReason.UNAUTHORIZED, "the certificate names no Braid device"));
        Instant expires = verifyToken(certificate, deviceId, token);
        DeviceDirectory.Entry entry = checkDevice(certificate, deviceId);
        return new Admitted(deviceId, entry.groups(), entry.overlayIpv4(), entry.overlayIpv6(), expires);
    }

    /** Verifies a (fresh) token for the session's certificate; returns when it expires. */
    public Instant verifyToken(X509Certificate certificate, String deviceId, String token) throws Refused {
        TokenVerifier.VerifiedToken verified;
        try {
            verified = tokens.verify(token, CertificateThumbprint.of(certificate));
        } catch (TokenVerifier.InvalidTokenException e) {
            throw new Refused(CloseReason.UNAUTHORIZED, "access token refused: " + e.getMessage());
        }
        if (!deviceId.equals(verified.deviceId())) {
            throw new Refused(CloseReason.UNAUTHORIZED, "the access token belongs to another device");
        }
        return verified.expiresAt().toInstant();
    }

    /** The device's entry if the certificate is not revoked and the device exists and is enabled. */
    public DeviceDirectory.Entry checkDevice(X509Certificate certificate, String deviceId) throws Refused {
        if (crl.isRevoked(certificate)) {
            throw new Refused(CloseReason.REVOKED, "the device certificate has been revoked");
        }
        DeviceDirectory.Entry entry = devices.find(deviceId)
                .orElseThrow(() -> new Refused(CloseReason.REVOKED, "the device no longer exists"));
        return switch (entry.status()) {
            case "enabled" -> entry;
            case "disabled" -> throw new Refused(CloseReason.DISABLED, "the device has been disabled by an administrator");
            default -> throw new Refused(CloseReason.REVOKED, "the device has been revoked");
        };
    }
}
