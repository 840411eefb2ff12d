package io.braid.core.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SHA-256 fingerprint of a certificate's DER encoding, written {@code sha256:<64 lowercase hex>}.
 * This is what an enrollment link pins: the device trusts the server only through the CA with this fingerprint.
 */
public record Fingerprint(byte[] sha256) {
    private static final String PREFIX = "sha256:";
    private static final Pattern TEXT = Pattern.compile("sha256:[0-9a-fA-F]{64}");

    public Fingerprint {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes");
        }
        sha256 = sha256.clone();
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            return new Fingerprint(sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public static Fingerprint of(byte[] der) {
        return new Fingerprint(sha256(der));
    }

    /** Parses {@code sha256:HEX}; throws {@link IllegalArgumentException} with a readable message otherwise. */
    public static Fingerprint parse(String text) {
        if (text == null || !TEXT.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("a CA fingerprint looks like sha256: followed by 64 hex digits");
        }
        return new Fingerprint(HexFormat.of().parseHex(text.trim().substring(PREFIX.length()).toLowerCase(Locale.ROOT)));
    }

    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(sha256, of(certificate).sha256);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && MessageDigest.isEqual(sha256, f.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return PREFIX + HexFormat.of().formatHex(sha256);
    }
}
