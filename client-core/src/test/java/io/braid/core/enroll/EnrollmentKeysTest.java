package io.braid.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentKeysTest {
    private static final String KEY = "kabcdefgh.0123456789abcdefghijklmnop";

    @Test
    void takesTheOptionFirstThenTheEnvironment() {
        assertThat(EnrollmentKeys.resolve(KEY, Map.of(EnrollmentKeys.ENV, "other.0123456789abcdefgh"))).isEqualTo(KEY);
        assertThat(EnrollmentKeys.resolve(null, Map.of(EnrollmentKeys.ENV, KEY))).isEqualTo(KEY);
    }

    @Test
    void readsAKeyFileSoTheKeyStaysOutOfShellHistory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n");
        assertThat(EnrollmentKeys.resolve("file:" + file, Map.of())).isEqualTo(KEY);
    }

    @Test
    void saysWhereAKeyCanComeFromWhenThereIsNone() {
        assertThatThrownBy(() -> EnrollmentKeys.resolve(null, Map.of())).isInstanceOf(BraidException.class)
                .hasMessageContaining("--key file:PATH").hasMessageContaining(EnrollmentKeys.ENV);
    }

    @Test
    void refusesMalformedKeysAndMissingFiles(@TempDir Path dir) {
        assertThatThrownBy(() -> EnrollmentKeys.resolve("not a key", Map.of())).hasMessageContaining("malformed");
        assertThatThrownBy(() -> EnrollmentKeys.resolve("file:" + dir.resolve("absent"), Map.of())).hasMessageContaining("cannot read the key file");
    }
}
