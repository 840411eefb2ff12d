package io.braid.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Holds the line: native bindings (JNA) live only in the per-OS packages of tun and netcfg. */
class PlatformBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java/io/braid/core");
    private static final Pattern PER_OS = Pattern.compile(".*/(tun|netcfg)/(linux|macos|windows)/[^/]+\\.java");

    @Test
    void jnaIsImportedOnlyInsidePerOsPackages() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !PER_OS.matcher(p.toString().replace('\\', '/')).matches())
                    .filter(PlatformBoundariesTest::importsJna)
                    .map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean importsJna(Path file) {
        try {
            return Files.readString(file).contains("import com.sun.jna");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
