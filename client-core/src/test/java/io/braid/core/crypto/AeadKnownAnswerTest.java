package io.braid.core.crypto;

import static io.braid.core.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** Both AEADs, driven through Braid's nonce construction, against published vectors. */
class AeadKnownAnswerTest {

    // RFC 8439 section 2.8.2. Its nonce 07000000 4041424344454647 is, in Braid's layout
    // (path id u32 LE || counter u64 LE), path id 7 and counter 0x4746454443424140.
    private static final byte[] RFC8439_KEY = bytes("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final byte[] RFC8439_AAD = bytes("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] RFC8439_PLAIN = ("Ladies and Gentlemen of the class of '99: If I could offer you only one"
            + " tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RFC8439_SEALED = bytes("""
            d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6
            3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36
            92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc
            3ff4def08e4b7a9de576d26586cec64b6116
            1ae10b594f09e26a7e902ecbd0600691""");

    @Test
    void chacha20Poly1305SealsRfc8439Vector() {
        byte[] nonce = new byte[12];
        PacketCipher.writeNonce(nonce, 7, 0x4746454443424140L);
        assertThat(nonce).isEqualTo(bytes("070000004041424344454647"));

        PacketCipher seal = new PacketCipher(AeadAlgorithm.CHACHA20_POLY1305, Cipher.ENCRYPT_MODE);
        seal.setKey(RFC8439_KEY);
        ByteBuffer out = ByteBuffer.allocateDirect(256);
        int n = seal.seal(7, 0x4746454443424140L, RFC8439_AAD, RFC8439_AAD.length, ByteBuffer.wrap(RFC8439_PLAIN), out);

        assertThat(n).isEqualTo(RFC8439_SEALED.length);
        assertThat(contents(out.flip())).isEqualTo(RFC8439_SEALED);
    }

    @Test
    void chacha20Poly1305OpensRfc8439VectorAndRejectsAFlippedBit() {
        PacketCipher open = new PacketCipher(AeadAlgorithm.CHACHA20_POLY1305, Cipher.DECRYPT_MODE);
        open.setKey(RFC8439_KEY);
        ByteBuffer plain = ByteBuffer.allocate(256);
        assertThat(open.open(7, 0x4746454443424140L, RFC8439_AAD, RFC8439_AAD.length, ByteBuffer.wrap(RFC8439_SEALED), plain))
                .isEqualTo(RFC8439_PLAIN.length);
        assertThat(contents(plain.flip())).isEqualTo(RFC8439_PLAIN);

        byte[] forged = RFC8439_SEALED.clone();
        forged[10] ^= 1;
        assertThat(open.open(7, 0x4746454443424140L, RFC8439_AAD, RFC8439_AAD.length, ByteBuffer.wrap(forged),
                ByteBuffer.allocate(256))).isEqualTo(-1);
        byte[] otherAad = RFC8439_AAD.clone();
        otherAad[0] ^= 1;
        assertThat(open.open(7, 0x4746454443424140L, otherAad, otherAad.length, ByteBuffer.wrap(RFC8439_SEALED),
                ByteBuffer.allocate(256))).isEqualTo(-1);
    }

    // "The Galois/Counter Mode of Operation" (McGrew & Viega), test cases 13 and 14: 256-bit zero key, zero IV.
    @Test
    void aes256GcmMatchesGcmSpecTestCases13And14() {
        byte[] zeroKey = new byte[32];
        PacketCipher seal = new PacketCipher(AeadAlgorithm.AES_256_GCM, Cipher.ENCRYPT_MODE);
        seal.setKey(zeroKey);
        ByteBuffer out = ByteBuffer.allocate(64);
        seal.seal(0, 0, new byte[0], 0, ByteBuffer.allocate(0), out);
        assertThat(contents(out.flip())).isEqualTo(bytes("530f8afbc74536b9a963b4f1c4cb738b"));

        PacketCipher seal14 = new PacketCipher(AeadAlgorithm.AES_256_GCM, Cipher.ENCRYPT_MODE);
        seal14.setKey(zeroKey);
        ByteBuffer out14 = ByteBuffer.allocateDirect(64);
        seal14.seal(0, 0, new byte[0], 0, ByteBuffer.allocateDirect(16), out14);
        assertThat(contents(out14.flip()))
                .isEqualTo(bytes("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919"));
    }

    @Test
    void everyAlgorithmRoundTripsAndBindsPathAndCounterIntoTheNonce() {
        for (AeadAlgorithm alg : AeadAlgorithm.values()) {
            byte[] key = new byte[32];
            key[0] = 42;
            PacketCipher seal = new PacketCipher(alg, Cipher.ENCRYPT_MODE);
            PacketCipher open = new PacketCipher(alg, Cipher.DECRYPT_MODE);
            seal.setKey(key);
            open.setKey(key);
            byte[] aad = {1, 2, 3};
            ByteBuffer sealed = ByteBuffer.allocateDirect(1500);
            seal.seal(3, 99, aad, 3, ByteBuffer.wrap(RFC8439_PLAIN), sealed);
            sealed.flip();

            assertThat(open.open(3, 99, aad, 3, sealed.duplicate(), ByteBuffer.allocate(1500)))
                    .as(alg + " round trip").isEqualTo(RFC8439_PLAIN.length);
            assertThat(open.open(4, 99, aad, 3, sealed.duplicate(), ByteBuffer.allocate(1500)))
                    .as(alg + " other path").isEqualTo(-1);
            assertThat(open.open(3, 100, aad, 3, sealed.duplicate(), ByteBuffer.allocate(1500)))
                    .as(alg + " other counter").isEqualTo(-1);
        }
    }

    static byte[] contents(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }
}
