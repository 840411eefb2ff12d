package io.braid.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.testing.TestCa;
import io.braid.core.testing.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    private final TestCa ca = new TestCa("store");

    @TempDir
    Path tmp;

    @Test
    void aFreshDirectoryIsNotEnrolled() {
        CredentialStore store = new CredentialStore(tmp.resolve("state"));
        assertThat(store.isEnrolled()).isFalse();
        assertThat(store.load()).isEmpty();
        assertThatThrownBy(store::require).isInstanceOfSatisfying(BraidException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ENROLLED));
        assertThat(tmp.resolve("state")).doesNotExist();
    }

    @Test
    void savesAndLoadsTheWholeIdentity() {
        CredentialStore store = new CredentialStore(tmp.resolve("state"));
        DeviceCredentials saved = TestCredentials.issue(ca, "dev12345", Duration.ofDays(90));
        store.save(saved);
        DeviceCredentials loaded = store.load().orElseThrow();
        assertThat(loaded.deviceId()).isEqualTo("dev12345");
        assertThat(loaded.privateKey()).isEqualTo(saved.privateKey());
        assertThat(loaded.chain()).containsExactlyElementsOf(saved.chain());
        assertThat(loaded.caFingerprint()).isEqualTo(saved.caFingerprint());
        assertThat(loaded.token()).isEqualTo(saved.token());
        assertThat(loaded.settings()).isEqualTo(saved.settings());
    }

    @Test
    void everyFileIsOwnerOnly() throws Exception {
        Path dir = tmp.resolve("state");
        new CredentialStore(dir).save(TestCredentials.issue(ca, "dev12345", Duration.ofDays(90)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void replacingTheIdentityLeavesOnlyTheNewKeystore() throws Exception {
        Path dir = tmp.resolve("state");
        CredentialStore store = new CredentialStore(dir);
        store.save(TestCredentials.issue(ca, "first1234", Duration.ofDays(90)));
        DeviceCredentials second = TestCredentials.issue(ca, "second123", Duration.ofDays(90));
        store.save(second);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("device.json", "identity-" + second.certificate().getSerialNumber().toString(16) + ".p12");
        }
        assertThat(store.load().orElseThrow().deviceId()).isEqualTo("second123");
    }

    @Test
    void aCrashBeforeTheConfigSwitchKeepsTheOldConsistentIdentity() throws Exception {
        Path dir = tmp.resolve("state");
        CredentialStore store = new CredentialStore(dir);
        DeviceCredentials first = TestCredentials.issue(ca, "first1234", Duration.ofDays(90));
        store.save(first);
        // Simulate a crash mid-save: the new keystore (and a half-written temp file) exist, device.json was never switched.
        Files.write(dir.resolve("identity-deadbeef.p12"), new byte[] {1, 2, 3});
        Files.write(dir.resolve(".device.json.123.tmp"), "{\"version\":1,\"devi".getBytes());
        DeviceCredentials loaded = store.load().orElseThrow();
        assertThat(loaded.deviceId()).isEqualTo("first1234");
        assertThat(loaded.privateKey()).isEqualTo(first.privateKey());
        // The next successful save tidies the orphan keystore away.
        store.save(loaded);
        assertThat(dir.resolve("identity-deadbeef.p12")).doesNotExist();
    }

    @Test
    void aDamagedConfigIsReportedNotMisread() throws Exception {
        Path dir = tmp.resolve("state");
        CredentialStore store = new CredentialStore(dir);
        store.save(TestCredentials.issue(ca, "dev12345", Duration.ofDays(90)));
        Files.writeString(dir.resolve("device.json"), "{ not json");
        assertThatThrownBy(store::load).isInstanceOfSatisfying(BraidException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_FAILURE));
    }

    @Test
    void atomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws Exception {
        Path file = tmp.resolve("f");
        AtomicFiles.write(file, "one".getBytes());
        AtomicFiles.write(file, "two".getBytes());
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }
}
