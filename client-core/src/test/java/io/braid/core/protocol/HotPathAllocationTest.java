package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.PacketCipher;
import io.braid.core.testing.SessionPair;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot path allocates nothing per packet beyond what the JDK cipher itself needs: bytes
 * allocated per seal+open through SessionCrypto, the replay window and the reorder buffer are
 * compared with the raw JDK cipher doing the same two AEAD operations on the same buffers.
 */
class HotPathAllocationTest {
    private static final int PACKETS = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void braidAllocatesNoMoreThanTheRawCipherPerPacket(AeadAlgorithm alg) throws Exception {
        SessionPair pair = new SessionPair(alg, RekeyPolicy.DEFAULT, 2000, 0);
        ByteBuffer plain = ByteBuffer.allocateDirect(1400);
        ByteBuffer wire = ByteBuffer.allocateDirect(1400 + PacketHeader.OVERHEAD);
        ByteBuffer opened = ByteBuffer.allocateDirect(1500);
        ReorderBuffer reorder = new ReorderBuffer(64, 1500, new HoldTimeEstimator(1, 1, 1), 0);
        ReorderBuffer.Sink sink = (c, p) -> { };
        Runnable braid = () -> {
            plain.clear();
            wire.clear();
            pair.client.seal(plain, wire, PacketType.DATA, 0, 0);
            wire.flip();
            opened.clear();
            if (!pair.headend.open(wire, opened, 0)) throw new AssertionError(pair.headend.lastDropReason());
            reorder.offer(pair.headend.received().counter(), opened.flip(), 0, sink);
        };

        Cipher seal = Cipher.getInstance(alg.transformation());
        Cipher open = Cipher.getInstance(alg.transformation());
        SecretKeySpec key = new SecretKeySpec(new byte[32], alg.keyAlgorithm());
        byte[] aad = new byte[PacketHeader.BYTES];
        byte[] nonce = new byte[12];
        long[] counter = {0};
        Runnable raw = () -> {
            try {
                PacketCipher.writeNonce(nonce, 0, counter[0]++);
                plain.clear();
                wire.clear();
                seal.init(Cipher.ENCRYPT_MODE, key, spec(alg, nonce));
                seal.updateAAD(aad, 0, aad.length);
                seal.doFinal(plain, wire);
                wire.flip();
                opened.clear();
                open.init(Cipher.DECRYPT_MODE, key, spec(alg, nonce));
                open.updateAAD(aad, 0, aad.length);
                open.doFinal(wire, opened);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };

        for (int warm = 0; warm < 3; warm++) {
            perPacket(braid);
            perPacket(raw);
        }
        double braidBytes = perPacket(braid);
        double rawBytes = perPacket(raw);
        System.out.printf("%s: braid %.1f B/packet, raw JDK %.1f B/packet%n", alg, braidBytes, rawBytes);
        assertThat(braidBytes).as("%s bytes allocated per packet vs raw %.1f", alg, rawBytes).isLessThanOrEqualTo(rawBytes + 8);
    }

    private static double perPacket(Runnable op) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < PACKETS; i++) op.run();
        return (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) PACKETS;
    }

    private static java.security.spec.AlgorithmParameterSpec spec(AeadAlgorithm alg, byte[] nonce) {
        return alg == AeadAlgorithm.AES_256_GCM ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }
}
