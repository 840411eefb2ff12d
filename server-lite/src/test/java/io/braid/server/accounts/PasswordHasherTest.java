package io.braid.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = PasswordHasher.owaspDefaults();

    @Test
    void verifiesWhatTheReferenceImplementationWrote() {
        // Debian's argon2 (the reference C implementation):
        // echo -n "correct horse battery staple" | argon2 braid-test-salt1 -id -t 2 -k 19456 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$YnJhaWQtdGVzdC1zYWx0MQ$HIlNgW4Z+O36qLGjt2RpZZLqcFam5z/9V3ZVk27RRJc";
        assertThat(hasher.verify("correct horse battery staple", reference)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", reference)).isFalse();
    }

    @Test
    void hashesAreSaltedPhcStringsThatVerify() {
        String a = hasher.hash("correct horse battery staple");
        String b = hasher.hash("correct horse battery staple");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.verify("correct horse battery staple", a)).isTrue();
        assertThat(hasher.verify("correct horse battery staple", b)).isTrue();
        assertThat(hasher.verify("Correct horse battery staple", a)).isFalse();
        assertThat(hasher.verify("", a)).isFalse();
    }

    @Test
    void refusesWhatIsNotAnArgon2idHash() {
        for (String stored : new String[] {null, "", "plaintext", "$argon2i$v=19$m=19456,t=2,p=1$YnJhaWQtdGVzdC1zYWx0MQ$HIlNgW4Z+O36qLGjt2RpZZLqcFam5z/9V3ZVk27RRJc",
                "$2b$12$abcdefghijklmnopqrstuu7aQ8bOKcF4kUhFzY8V3OfbUvx4/Dl1O"}) {
            assertThat(hasher.verify("anything", stored)).as("%s", stored).isFalse();
        }
        assertThat(hasher.verifyNothing("anything")).isFalse();
    }
}
