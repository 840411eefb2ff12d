package io.braid.core.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a device id is written into its certificate and read back: a SAN URI {@code urn:braid:device:<id>}
 * (what the headend and manager trust) and the same id as the subject CN (what humans read).
 */
public final class DeviceIdentity {
    public static final String URI_PREFIX = "urn:braid:device:";
    private static final Pattern ID = Pattern.compile("[a-z0-9]{4,64}");
    private static final int SAN_URI = 6;

    private DeviceIdentity() {}

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String uri(String deviceId) {
        if (!isValidId(deviceId)) {
            throw new IllegalArgumentException("not a device id: " + deviceId);
        }
        return URI_PREFIX + deviceId;
    }

    /** The device id the certificate names in its SAN, if it names exactly one. */
    public static Optional<String> deviceId(X509Certificate certificate) {
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans == null) {
                return Optional.empty();
            }
            String found = null;
            for (List<?> san : sans) {
                if (((Integer) san.get(0)) == SAN_URI && san.get(1) instanceof String uri && uri.startsWith(URI_PREFIX)) {
                    String id = uri.substring(URI_PREFIX.length());
                    if (found != null || !isValidId(id)) {
                        return Optional.empty();
                    }
                    found = id;
                }
            }
            return Optional.ofNullable(found);
        } catch (CertificateParsingException e) {
            return Optional.empty();
        }
    }
}
