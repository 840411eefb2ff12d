package io.braid.core.crypto;

import static io.braid.core.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class X25519Test {
    // RFC 7748 section 6.1.
    private static final byte[] ALICE_PRIVATE = bytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PUBLIC = bytes("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PRIVATE = bytes("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PUBLIC = bytes("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] SHARED = bytes("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    @Test
    void matchesRfc7748Vectors() {
        X25519 alice = X25519.fromPrivateScalar(ALICE_PRIVATE);
        X25519 bob = X25519.fromPrivateScalar(BOB_PRIVATE);
        assertThat(alice.publicKey()).isEqualTo(ALICE_PUBLIC);
        assertThat(bob.publicKey()).isEqualTo(BOB_PUBLIC);
        assertThat(alice.sharedSecret(BOB_PUBLIC)).isEqualTo(SHARED);
        assertThat(bob.sharedSecret(ALICE_PUBLIC)).isEqualTo(SHARED);
    }

    @Test
    void freshPairsAgree() {
        SecureRandom r = new SecureRandom();
        X25519 a = X25519.generate(r);
        X25519 b = X25519.generate(r);
        assertThat(a.sharedSecret(b.publicKey())).isEqualTo(b.sharedSecret(a.publicKey())).hasSize(32);
        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    }

    @Test
    void rejectsSmallOrderAndMalformedPeerKeys() {
        X25519 a = X25519.generate(new SecureRandom());
        assertThatThrownBy(() -> a.sharedSecret(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        byte[] one = new byte[32];
        one[0] = 1;
        assertThatThrownBy(() -> a.sharedSecret(one)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.sharedSecret(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
