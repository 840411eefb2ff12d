package io.braid.server.cli;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.http.JsonHttpClient;
import io.braid.core.json.Json;
import io.braid.core.pki.Pem;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.server.ManagerServer;
import io.braid.server.auth.AdminToken;
import io.braid.server.ca.ServerPki;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How admin commands reach the running server: its address from DATA_DIR/server.json (or --server),
 * its CA root from DATA_DIR/pki to pin, and the admin token from DATA_DIR/admin.token.
 */
final class AdminConnection {
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--server", paramLabel = "URL", description = "Manager URL (default: the server running on this data directory).")
    URI server;

    JsonHttpClient open() {
        Path dir = dataDir.resolve();
        try {
            String token = AdminToken.read(dir);
            PinnedCaTrust trust = PinnedCaTrust.forRoot(Pem.certificate(Files.readString(ServerPki.rootCertificate(dir))));
            URI url = server != null ? server : runningServer(dir);
            return new JsonHttpClient(url, TlsContexts.anonymous(trust), trust, Duration.ofSeconds(15),
                    Map.of("Authorization", "Bearer " + token));
        } catch (NoSuchFileException e) {
            throw new BraidException(ErrorCode.NOT_FOUND, "no Braid server data in " + dir + " (missing " + e.getFile()
                    + "); pass --data-dir or start braid-server serve first");
        } catch (IOException | CertificateException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot read the server data in " + dir + ": " + e.getMessage());
        }
    }

    private static URI runningServer(Path dir) throws IOException {
        Path file = dir.resolve(ManagerServer.RUNTIME_FILE);
        if (!Files.exists(file)) {
            throw new BraidException(ErrorCode.SERVER_UNREACHABLE, "the server for " + dir + " is not running (no " + file
                    + "); start it with braid-server serve --data-dir " + dir);
        }
        return URI.create(Json.lenient().readValue(file.toFile(), ManagerServer.RuntimeInfo.class).managerUrl());
    }
}
