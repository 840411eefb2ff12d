package io.braid.core.protocol;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.PacketCipher;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * The keys of one key epoch, installed in one sealing and one opening cipher. SessionCrypto keeps
 * three of these (previous, current, next) and rotates them, so a rekey allocates only the key
 * objects themselves.
 */
final class EpochState {
    final PacketCipher sealCipher;
    final PacketCipher openCipher;
    int epoch = -1;
    boolean installed;
    long packetsSealed;
    long installedAtNanos;
    long activatedAtNanos;
    long retireAtNanos = Long.MAX_VALUE;

    EpochState(AeadAlgorithm algorithm) {
        sealCipher = new PacketCipher(algorithm, Cipher.ENCRYPT_MODE);
        openCipher = new PacketCipher(algorithm, Cipher.DECRYPT_MODE);
    }

    void install(EpochKeys keys, long nowNanos) {
        byte[] seal = keys.sealKey();
        byte[] open = keys.openKey();
        try {
            sealCipher.setKey(seal);
            openCipher.setKey(open);
        } finally {
            Arrays.fill(seal, (byte) 0);
            Arrays.fill(open, (byte) 0);
        }
        epoch = keys.epoch();
        installed = true;
        packetsSealed = 0;
        installedAtNanos = nowNanos;
        activatedAtNanos = nowNanos;
        retireAtNanos = Long.MAX_VALUE;
    }

    void clear() {
        sealCipher.clearKey();
        openCipher.clearKey();
        installed = false;
        epoch = -1;
        packetsSealed = 0;
        retireAtNanos = Long.MAX_VALUE;
    }

    boolean matches(int epochByte) {
        return installed && (epoch & 0xFF) == epochByte;
    }
}
