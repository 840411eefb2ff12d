package io.braid.core.store;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.json.Json;
import io.braid.core.manager.ManagerApi.AccessToken;
import io.braid.core.manager.TunnelSettings;
import io.braid.core.pki.Fingerprint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The device's credentials on disk, under the state directory: the key pair and chain in a PKCS#12
 * keystore, the rest in {@code device.json}. Everything is owner-only and written atomically.
 *
 * <p>Replacing an identity (re-enrollment, renewal with a new key) must never leave the JSON pointing
 * at a keystore that does not match, so each keystore gets a new file named after its certificate's
 * serial: the new keystore is written first, {@code device.json} is switched to it (the commit point),
 * and only then is the old keystore removed. A crash at any step leaves a consistent pair.
 */
public final class CredentialStore {
    static final String CONFIG = "device.json";
    private static final String KEYSTORE_PREFIX = "identity-";
    private static final String KEYSTORE_SUFFIX = ".p12";
    private static final String ALIAS = "device";
    /**
     * PKCS#12 wants a password; it does not protect anything here (the file is owner-only, like a
     * WireGuard private key file), so it is a fixed, documented value rather than a secret to lose.
     */
    private static final char[] KEYSTORE_PASSWORD = "braid".toCharArray();

    private final Path dir;

    public CredentialStore(Path stateDir) {
        this.dir = stateDir;
    }

    public Path directory() {
        return dir;
    }

    public boolean isEnrolled() {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    /** The stored credentials, or empty when the device is not enrolled. */
    public Optional<DeviceCredentials> load() {
        DeviceConfig config;
        try {
            config = Json.lenient().readValue(Files.readAllBytes(dir.resolve(CONFIG)), DeviceConfig.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot read " + dir.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
        Path keystorePath = dir.resolve(config.keystore());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(Files.readAllBytes(keystorePath)), KEYSTORE_PASSWORD);
            PrivateKey key = (PrivateKey) ks.getKey(ALIAS, KEYSTORE_PASSWORD);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : ks.getCertificateChain(ALIAS)) {
                chain.add((X509Certificate) c);
            }
            return Optional.of(new DeviceCredentials(config.deviceId(), config.name(), URI.create(config.server()),
                    Fingerprint.parse(config.caFingerprint()), key, chain, config.token(), config.settings(), config.enrolledAt()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot read the device keystore " + keystorePath + ": " + e.getMessage(), e);
        }
    }

    public DeviceCredentials require() {
        return load().orElseThrow(() -> new BraidException(ErrorCode.NOT_ENROLLED,
                "this device is not enrolled (state directory " + dir + "); run braid enroll first"));
    }

    /** Saves credentials, replacing any previous identity atomically. */
    public void save(DeviceCredentials credentials) {
        try {
            OwnerOnly.directory(dir);
            String keystoreName = KEYSTORE_PREFIX + credentials.certificate().getSerialNumber().toString(16) + KEYSTORE_SUFFIX;
            AtomicFiles.write(dir.resolve(keystoreName), keystore(credentials));
            writeConfig(credentials, keystoreName);
            removeKeystoresExcept(keystoreName);
        } catch (IOException | GeneralSecurityException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot write credentials to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes the device's identity (used after the manager deleted the device, or by tests). */
    public void erase() {
        try {
            Files.deleteIfExists(dir.resolve(CONFIG));
            removeKeystoresExcept(null);
        } catch (IOException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot erase credentials in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void writeConfig(DeviceCredentials c, String keystoreName) throws IOException {
        DeviceConfig config = new DeviceConfig(1, c.deviceId(), c.name(), c.server().toString(), c.caFingerprint().toString(),
                keystoreName, c.token(), c.settings(), c.enrolledAt());
        AtomicFiles.write(dir.resolve(CONFIG), Json.lenient().writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
    }

    private static byte[] keystore(DeviceCredentials c) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, c.privateKey(), KEYSTORE_PASSWORD, c.chain().toArray(new X509Certificate[0]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, KEYSTORE_PASSWORD);
        return out.toByteArray();
    }

    private void removeKeystoresExcept(String keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, KEYSTORE_PREFIX + "*" + KEYSTORE_SUFFIX)) {
            for (Path p : stream) {
                if (!p.getFileName().toString().equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The JSON half of the store; field names are a file format, so they only ever grow. */
    record DeviceConfig(
            int version,
            String deviceId,
            String name,
            String server,
            String caFingerprint,
            String keystore,
            AccessToken token,
            TunnelSettings settings,
            Instant enrolledAt) {}
}
