package io.braid.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B's test vectors, then the rules Braid adds: ±1 step, one use per step, six digits only. */
class TotpTest {
    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238AppendixBVectors() {
        Object[][] rows = {
            {59L, "94287082", "46119246", "90693936"},
            {1111111109L, "07081804", "68084774", "25091201"},
            {1111111111L, "14050471", "67062674", "99943326"},
            {1234567890L, "89005924", "91819424", "93441116"},
            {2000000000L, "69279037", "90698825", "38618901"},
            {20000000000L, "65353130", "77737706", "47863826"},
        };
        for (Object[] row : rows) {
            long step = Totp.step(Instant.ofEpochSecond((Long) row[0]));
            assertThat(Totp.code(SHA1_KEY, step, "HmacSHA1", 8)).as("SHA1 at %s", row[0]).isEqualTo(row[1]);
            assertThat(Totp.code(SHA256_KEY, step, "HmacSHA256", 8)).as("SHA256 at %s", row[0]).isEqualTo(row[2]);
            assertThat(Totp.code(SHA512_KEY, step, "HmacSHA512", 8)).as("SHA512 at %s", row[0]).isEqualTo(row[3]);
        }
    }

    @Test
    void base32MatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(SHA1_KEY))).isEqualTo(SHA1_KEY);
    }

    @Test
    void acceptsTheNeighbouringStepsOnceEach() {
        String secret = Base32.encode(SHA1_KEY);
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = Totp.step(now);
        String previous = Totp.codeAt(secret, now.minusSeconds(30));
        String next = Totp.codeAt(secret, now.plusSeconds(30));
        assertThat(Totp.verify(secret, Totp.codeAt(secret, now), now, 0)).hasValue(step);
        assertThat(Totp.verify(secret, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(secret, next, now, 0)).hasValue(step + 1);
        assertThat(Totp.verify(secret, Totp.codeAt(secret, now.minusSeconds(60)), now, 0)).isEmpty();
        // Once a step was used, its code and every earlier one are refused.
        assertThat(Totp.verify(secret, Totp.codeAt(secret, now), now, step)).isEmpty();
        assertThat(Totp.verify(secret, previous, now, step)).isEmpty();
        assertThat(Totp.verify(secret, next, now, step)).hasValue(step + 1);
    }

    @Test
    void refusesAnythingButSixDigits() {
        String secret = Totp.newSecret();
        Instant now = Instant.now();
        String code = Totp.codeAt(secret, now);
        for (String bad : new String[] {null, "", "12345", "1234567", "12345a", " " + code, code + "\n"}) {
            assertThat(Totp.verify(secret, bad, now, 0)).as("%s", bad).isEmpty();
        }
    }

    @Test
    void provisioningUriNamesIssuerAndAccount() {
        assertThat(Totp.uri("Braid (vpn.example.com)", "alice@example.com", "ABC"))
                .isEqualTo("otpauth://totp/Braid%20%28vpn.example.com%29:alice%40example.com?secret=ABC"
                        + "&issuer=Braid%20%28vpn.example.com%29&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    }
}
