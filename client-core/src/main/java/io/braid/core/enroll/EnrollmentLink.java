package io.braid.core.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.pki.Fingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An enrollment link carries everything a device needs to join: where the manager is, the key, and
 * the fingerprint of the CA to pin: {@code braid://HOST:PORT/enroll?key=KEY&ca=sha256:HEX}.
 */
public record EnrollmentLink(URI server, String key, Fingerprint caFingerprint) {
    public static final String SCHEME = "braid";

    public EnrollmentLink {
        EnrollmentKeys.requireWellFormed(key);
    }

    /** Parses a link; every defect is a {@link ErrorCode#MALFORMED_LINK} saying what is wrong. */
    public static EnrollmentLink parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("the link is empty");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw malformed("it is not a valid URI (" + e.getReason() + ")");
        }
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw malformed("it must start with braid://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw malformed("it names no server host");
        }
        if (!"/enroll".equals(uri.getPath())) {
            throw malformed("its path must be /enroll");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String key = query.get("key");
        String ca = query.get("ca");
        if (key == null || key.isBlank()) {
            throw malformed("it has no key= parameter");
        }
        if (ca == null || ca.isBlank()) {
            throw malformed("it has no ca= fingerprint to pin");
        }
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.parse(ca);
        } catch (IllegalArgumentException e) {
            throw malformed("its ca= parameter is not sha256: followed by 64 hex digits");
        }
        try {
            EnrollmentKeys.requireWellFormed(key);
        } catch (BraidException e) {
            throw malformed("its key= parameter is not a Braid enrollment key");
        }
        int port = uri.getPort() == -1 ? io.braid.core.manager.ManagerApi.DEFAULT_PORT : uri.getPort();
        return new EnrollmentLink(URI.create("https://" + hostForUri(uri.getHost()) + ":" + port + "/"), key, fingerprint);
    }

    /** The link text for a server, key and CA. */
    public static String format(String host, int port, String key, Fingerprint ca) {
        return SCHEME + "://" + hostForUri(host) + ":" + port + "/enroll?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&ca=" + ca;
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            if (params.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)) != null) {
                throw malformed("its " + name + "= parameter appears twice");
            }
        }
        return params;
    }

    private static BraidException malformed(String why) {
        return new BraidException(ErrorCode.MALFORMED_LINK, "not a Braid enrollment link: " + why);
    }

    @Override
    public String toString() {
        // Never print the key: links end up in logs and bug reports.
        return "EnrollmentLink[server=" + server + ", ca=" + caFingerprint + "]";
    }
}
