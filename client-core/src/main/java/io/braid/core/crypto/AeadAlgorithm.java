package io.braid.core.crypto;

/**
 * The two data-plane AEADs. Both take a 256-bit key, a 96-bit nonce and add a 128-bit tag, so the
 * packet layout is the same whichever a session negotiated. The wire code is what the control
 * channel's session answer carries; it is an explicit number, never an ordinal.
 */
public enum AeadAlgorithm {
    CHACHA20_POLY1305(1, "ChaCha20-Poly1305", "ChaCha20"),
    AES_256_GCM(2, "AES/GCM/NoPadding", "AES");

    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final int wireCode;
    private final String transformation;
    private final String keyAlgorithm;

    AeadAlgorithm(int wireCode, String transformation, String keyAlgorithm) {
        this.wireCode = wireCode;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    public int wireCode() {
        return wireCode;
    }

    /** The JCA transformation name given to {@code Cipher.getInstance}. */
    public String transformation() {
        return transformation;
    }

    /** The JCA key algorithm name for {@code SecretKeySpec}. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The algorithm with this wire code, or null when the code is unknown (hostile or newer peer). */
    public static AeadAlgorithm fromWireCode(int code) {
        for (AeadAlgorithm a : values()) {
            if (a.wireCode == code) return a;
        }
        return null;
    }

    /**
     * The session's choice: AES-256-GCM only when both ends have AES instructions (it is then the
     * faster of the two and constant-time); otherwise ChaCha20-Poly1305, which is fast and
     * constant-time in software. The headend decides and tells the client.
     */
    public static AeadAlgorithm negotiate(boolean clientHasAes, boolean headendHasAes) {
        return clientHasAes && headendHasAes ? AES_256_GCM : CHACHA20_POLY1305;
    }
}
