package io.braid.server.auth;

import io.braid.core.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bootstrap admin credential: a random bearer token created on first start in
 * {@code DATA_DIR/admin.token} (owner-only). Only its SHA-256 stays in memory, and checks are
 * constant-time.
 */
public final class AdminToken {
    public static final String FILE = "admin.token";
    private final byte[] hash;

    private AdminToken(byte[] hash) {
        this.hash = hash;
    }

    public static AdminToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = "bat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            AtomicFiles.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return new AdminToken(Sha256.of(read(dataDir)));
    }

    /** The token text as stored, for the admin CLI running next to the server. */
    public static String read(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(FILE), StandardCharsets.US_ASCII).trim();
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(hash, Sha256.of(presented));
    }
}
