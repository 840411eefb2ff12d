package io.braid.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyScheduleTest {
    private final SecureRandom random = new SecureRandom();
    private final byte[] exporter = new byte[32];

    {
        random.nextBytes(exporter);
    }

    private EpochKeys[] exchange(int epoch, byte[] initiatorExporter, byte[] responderExporter) {
        EpochKeyExchange i = EpochKeyExchange.start(Role.INITIATOR, epoch, random);
        EpochKeyExchange r = EpochKeyExchange.start(Role.RESPONDER, epoch, random);
        EpochKeys ik = i.finish(initiatorExporter, 77, AeadAlgorithm.AES_256_GCM, r.publicKey());
        EpochKeys rk = r.finish(responderExporter, 77, AeadAlgorithm.AES_256_GCM, i.publicKey());
        return new EpochKeys[] {ik, rk};
    }

    @Test
    void bothEndsDeriveMirroredKeysAndTheDirectionsDiffer() {
        EpochKeys[] k = exchange(0, exporter, exporter);
        assertThat(k[0].sealKey()).isEqualTo(k[1].openKey());
        assertThat(k[0].openKey()).isEqualTo(k[1].sealKey());
        assertThat(k[0].sealKey()).isNotEqualTo(k[0].openKey());
    }

    @Test
    void everyEpochGetsFreshKeys() {
        EpochKeys e0 = exchange(0, exporter, exporter)[0];
        EpochKeys e1 = exchange(1, exporter, exporter)[0];
        assertThat(e1.sealKey()).isNotEqualTo(e0.sealKey());
        assertThat(e1.openKey()).isNotEqualTo(e0.openKey());
    }

    @Test
    void aDifferentExporterSecretGivesUnrelatedKeys() {
        byte[] other = exporter.clone();
        other[0] ^= 1;
        EpochKeys[] k = exchange(0, exporter, other);
        assertThat(k[0].sealKey()).isNotEqualTo(k[1].openKey());
    }

    @Test
    void anExchangeIsUsableOnceAndDestroyZeroesKeys() {
        EpochKeyExchange i = EpochKeyExchange.start(Role.INITIATOR, 0, random);
        EpochKeyExchange r = EpochKeyExchange.start(Role.RESPONDER, 0, random);
        EpochKeys keys = i.finish(exporter, 1, AeadAlgorithm.CHACHA20_POLY1305, r.publicKey());
        assertThatThrownBy(() -> i.finish(exporter, 1, AeadAlgorithm.CHACHA20_POLY1305, r.publicKey()))
                .isInstanceOf(IllegalStateException.class);
        keys.destroy();
        assertThat(keys.sealKey()).containsOnly(0);
        assertThat(keys.toString()).doesNotContainPattern("[0-9a-f]{16}");
    }
}
