package io.braid.core.crypto;

import static io.braid.core.testing.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HkdfTest {
    @Test
    void matchesRfc5869TestCase1() {
        byte[] okm = Hkdf.extractAndExpand(bytes("000102030405060708090a0b0c"),
                bytes("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), bytes("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertThat(okm).isEqualTo(bytes(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    }
}
