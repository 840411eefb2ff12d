package io.braid.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AeadAlgorithmTest {
    @Test
    void aesGcmOnlyWhenBothEndsHaveAesInstructions() {
        assertThat(AeadAlgorithm.negotiate(true, true)).isEqualTo(AeadAlgorithm.AES_256_GCM);
        assertThat(AeadAlgorithm.negotiate(true, false)).isEqualTo(AeadAlgorithm.CHACHA20_POLY1305);
        assertThat(AeadAlgorithm.negotiate(false, true)).isEqualTo(AeadAlgorithm.CHACHA20_POLY1305);
        assertThat(AeadAlgorithm.negotiate(false, false)).isEqualTo(AeadAlgorithm.CHACHA20_POLY1305);
    }

    @Test
    void wireCodesAreStable() {
        assertThat(AeadAlgorithm.CHACHA20_POLY1305.wireCode()).isEqualTo(1);
        assertThat(AeadAlgorithm.AES_256_GCM.wireCode()).isEqualTo(2);
        assertThat(AeadAlgorithm.fromWireCode(2)).isEqualTo(AeadAlgorithm.AES_256_GCM);
        assertThat(AeadAlgorithm.fromWireCode(0)).isNull();
    }

    @Test
    void detectsAesInstructionsOnACpuThatHasThem() throws Exception {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        assumeTrue(Files.isReadable(cpuinfo) && Files.readString(cpuinfo).matches("(?s).*\\bflags\\b.*\\baes\\b.*"),
                "needs a Linux x86 CPU that reports AES-NI");
        assertThat(CpuFeatures.hasAesInstructions()).isTrue();
    }
}
