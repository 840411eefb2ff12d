package io.braid.server;

import io.braid.core.json.Json;
import io.braid.core.store.AtomicFiles;
import io.braid.server.api.ManagerHttpServer;
import io.braid.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running manager: its services and HTTPS endpoint, plus {@code DATA_DIR/server.json} telling the
 * admin CLI on this machine where to reach it (removed again on a clean stop).
 */
public final class ManagerServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ManagerServer.class);
    public static final String RUNTIME_FILE = "server.json";

    private final ManagerServices services;
    private final ManagerHttpServer http;
    private final Path runtimeFile;

    /** What the admin CLI reads to find the running server. */
    public record RuntimeInfo(String managerUrl, long pid) {}

    private ManagerServer(ManagerServices services, ManagerHttpServer http, Path runtimeFile) {
        this.services = services;
        this.http = http;
        this.runtimeFile = runtimeFile;
    }

    public static ManagerServer start(ServerConfig config, Clock clock) throws IOException {
        return start(config, clock, ManagerHttpServer.EVENT_HEARTBEAT);
    }

    /** Starts with another heartbeat interval for live event streams (tests use a short one). */
    public static ManagerServer start(ServerConfig config, Clock clock, java.time.Duration eventHeartbeat) throws IOException {
        AtomicInteger boundPort = new AtomicInteger(config.managerPort());
        ManagerServices services = ManagerServices.open(config, clock, boundPort::get);
        ManagerHttpServer http;
        try {
            http = ManagerHttpServer.start(services, config.bindAddress(), config.managerPort(), eventHeartbeat);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        boundPort.set(http.port());
        Path runtimeFile = config.dataDir().resolve(RUNTIME_FILE);
        String localHost = isWildcard(config.bindAddress()) ? "127.0.0.1" : config.bindAddress();
        String url = "https://" + (localHost.contains(":") ? "[" + localHost + "]" : localHost) + ":" + http.port() + "/";
        AtomicFiles.write(runtimeFile, Json.lenient().writeValueAsBytes(new RuntimeInfo(url, ProcessHandle.current().pid())));
        log.info("manager listening on {}:{} (public hosts {})", config.bindAddress(), http.port(), config.publicHosts());
        return new ManagerServer(services, http, runtimeFile);
    }

    private static boolean isWildcard(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
    }

    public ManagerServices services() {
        return services;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(runtimeFile);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", runtimeFile, e.getMessage());
        }
        services.events().close(); // ends the live event streams, so the HTTP server can stop without waiting on them
        http.close();
        services.close();
    }
}
