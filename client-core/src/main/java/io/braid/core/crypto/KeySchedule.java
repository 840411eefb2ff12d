package io.braid.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Braid's data-key schedule. Keys are derived at both ends, never sent:
 *
 * <pre>
 * exporter = TLS-Exporter(label "EXPORTER-braid-data-v1", context = session id (u32, big-endian), 32 bytes)
 *            -- from the mutually authenticated TLS 1.3 control connection
 * dh_e     = X25519(ephemeral of this end, ephemeral of the peer) for key epoch e
 * key      = HKDF-SHA256(salt = exporter, IKM = dh_e,
 *                        info = label || u8 aead || u32 session id || u32 epoch || initiator public || responder public,
 *                        L = 32)
 * label    = "braid v1 key initiator to responder" or "braid v1 key responder to initiator"
 * </pre>
 *
 * The exporter binds the keys to the authenticated control connection (an attacker without it
 * cannot derive them); the per-epoch ephemeral exchange gives forward secrecy between epochs
 * (once an epoch's ephemeral private keys are gone, its traffic stays sealed even if a later
 * epoch's keys or the exporter leak). The public values in the info bind the keys to the exchange.
 */
public final class KeySchedule {
    public static final String EXPORTER_LABEL = "EXPORTER-braid-data-v1";
    public static final int EXPORTER_BYTES = 32;
    static final byte[] LABEL_INITIATOR_TO_RESPONDER = ascii("braid v1 key initiator to responder");
    static final byte[] LABEL_RESPONDER_TO_INITIATOR = ascii("braid v1 key responder to initiator");

    private KeySchedule() {}

    /** The exporter context for a session: its id as 4 big-endian bytes. */
    public static byte[] exporterContext(int sessionId) {
        return ByteBuffer.allocate(4).putInt(sessionId).array();
    }

    /**
     * Derives one epoch's keys for the given end.
     *
     * @param exporterSecret the 32 bytes of {@code exportKeyingMaterialData(EXPORTER_LABEL, exporterContext(sessionId), 32)}
     * @param dhShared the X25519 shared secret of this epoch's ephemeral exchange
     */
    public static EpochKeys derive(byte[] exporterSecret, int sessionId, int epoch, AeadAlgorithm algorithm, Role role,
                                   byte[] dhShared, byte[] initiatorPublic, byte[] responderPublic) {
        if (exporterSecret == null || exporterSecret.length < 16) {
            throw new IllegalArgumentException("the exporter secret must be at least 16 bytes");
        }
        byte[] i2r = directionKey(LABEL_INITIATOR_TO_RESPONDER, exporterSecret, sessionId, epoch, algorithm, dhShared,
                initiatorPublic, responderPublic);
        byte[] r2i = directionKey(LABEL_RESPONDER_TO_INITIATOR, exporterSecret, sessionId, epoch, algorithm, dhShared,
                initiatorPublic, responderPublic);
        try {
            return role == Role.INITIATOR
                    ? new EpochKeys(epoch, algorithm, i2r, r2i)
                    : new EpochKeys(epoch, algorithm, r2i, i2r);
        } finally {
            Arrays.fill(i2r, (byte) 0);
            Arrays.fill(r2i, (byte) 0);
        }
    }

    private static byte[] directionKey(byte[] label, byte[] exporter, int sessionId, int epoch, AeadAlgorithm algorithm,
                                       byte[] dh, byte[] initiatorPublic, byte[] responderPublic) {
        if (initiatorPublic.length != X25519.KEY_BYTES || responderPublic.length != X25519.KEY_BYTES) {
            throw new IllegalArgumentException("X25519 public values are 32 bytes");
        }
        ByteBuffer info = ByteBuffer.allocate(label.length + 1 + 4 + 4 + 2 * X25519.KEY_BYTES);
        info.put(label).put((byte) algorithm.wireCode()).putInt(sessionId).putInt(epoch)
                .put(initiatorPublic).put(responderPublic);
        return Hkdf.extractAndExpand(exporter, dh, info.array(), AeadAlgorithm.KEY_BYTES);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
