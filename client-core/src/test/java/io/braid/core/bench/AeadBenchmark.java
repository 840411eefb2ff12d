package io.braid.core.bench;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.PacketCipher;
import io.braid.core.protocol.PacketHeader;
import io.braid.core.protocol.PacketType;
import io.braid.core.protocol.RekeyPolicy;
import io.braid.core.protocol.SealResult;
import io.braid.core.testing.SessionPair;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Seal + open of one 1400-byte packet: Braid's full path (header, counter, nonce, AEAD, replay
 * window, epoch lookup) against the raw JDK cipher doing the same AEAD work (init with a
 * counter nonce, 24 bytes of AAD, doFinal each way) on the same direct buffers. The ratio is
 * what Braid's protocol costs over the cipher itself (goal: >= 85%).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBenchmark {
    @Param({"CHACHA20_POLY1305", "AES_256_GCM"})
    public AeadAlgorithm algorithm;

    @Param({"1400"})
    public int size;

    private SessionPair pair;
    private ByteBuffer plain;
    private ByteBuffer wire;
    private ByteBuffer opened;

    private Cipher rawSeal;
    private Cipher rawOpen;
    private SecretKeySpec rawKey;
    private final byte[] aad = new byte[PacketHeader.BYTES];
    private final byte[] nonce = new byte[AeadAlgorithm.NONCE_BYTES];
    private long rawCounter;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        pair = new SessionPair(algorithm, RekeyPolicy.DEFAULT, 9000, 0);
        plain = ByteBuffer.allocateDirect(size);
        wire = ByteBuffer.allocateDirect(size + PacketHeader.OVERHEAD);
        opened = ByteBuffer.allocateDirect(size + 64);
        rawSeal = Cipher.getInstance(algorithm.transformation());
        rawOpen = Cipher.getInstance(algorithm.transformation());
        rawKey = new SecretKeySpec(new byte[32], algorithm.keyAlgorithm());
    }

    @Benchmark
    public int braidSealOpen() {
        plain.clear();
        wire.clear();
        if (pair.client.seal(plain, wire, PacketType.DATA, 0, 0) != SealResult.OK) throw new IllegalStateException();
        wire.flip();
        opened.clear();
        if (!pair.headend.open(wire, opened, 0)) throw new IllegalStateException(String.valueOf(pair.headend.lastDropReason()));
        return opened.position();
    }

    @Benchmark
    public int rawJdkSealOpen() throws Exception {
        long counter = rawCounter++;
        PacketCipher.writeNonce(nonce, 0, counter);
        plain.clear();
        wire.clear();
        rawSeal.init(Cipher.ENCRYPT_MODE, rawKey, spec());
        rawSeal.updateAAD(aad, 0, aad.length);
        rawSeal.doFinal(plain, wire);
        wire.flip();
        opened.clear();
        rawOpen.init(Cipher.DECRYPT_MODE, rawKey, spec());
        rawOpen.updateAAD(aad, 0, aad.length);
        rawOpen.doFinal(wire, opened);
        return opened.position();
    }

    private java.security.spec.AlgorithmParameterSpec spec() {
        return algorithm == AeadAlgorithm.AES_256_GCM ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
    }
}
