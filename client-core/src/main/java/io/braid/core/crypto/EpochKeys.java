package io.braid.core.crypto;

import java.util.Arrays;

/**
 * The two data keys of one key epoch, as seen from one end: {@code sealKey} protects what this end
 * sends, {@code openKey} what it receives. The peer holds the same two keys the other way round.
 * Call {@link #destroy()} once they are installed in the ciphers, so no copy outlives its use.
 */
public final class EpochKeys {
    private final int epoch;
    private final AeadAlgorithm algorithm;
    private final byte[] sealKey;
    private final byte[] openKey;

    public EpochKeys(int epoch, AeadAlgorithm algorithm, byte[] sealKey, byte[] openKey) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0");
        if (sealKey.length != AeadAlgorithm.KEY_BYTES || openKey.length != AeadAlgorithm.KEY_BYTES) {
            throw new IllegalArgumentException("data keys are " + AeadAlgorithm.KEY_BYTES + " bytes");
        }
        this.epoch = epoch;
        this.algorithm = algorithm;
        this.sealKey = sealKey.clone();
        this.openKey = openKey.clone();
    }

    public int epoch() {
        return epoch;
    }

    public AeadAlgorithm algorithm() {
        return algorithm;
    }

    public byte[] sealKey() {
        return sealKey.clone();
    }

    public byte[] openKey() {
        return openKey.clone();
    }

    /** Overwrites both keys with zeros. */
    public void destroy() {
        Arrays.fill(sealKey, (byte) 0);
        Arrays.fill(openKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "EpochKeys{epoch=" + epoch + ", " + algorithm + ", keys redacted}";
    }
}
