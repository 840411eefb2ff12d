package io.braid.e2e.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import io.braid.core.netcfg.CommandResult;
import io.braid.core.testing.Netns;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.NsProcess;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Braid itself on the testbed, run the way a user runs it: {@code braid-server serve} (manager and
 * headend) in the headend namespace, a key from {@code braid-server keys create}, {@code braid
 * enroll} and then {@code braid up --foreground} in the client namespace, all as separate processes
 * from the packaged jars. Ready once the client's tunnel answers a ping to the LAN host.
 */
public final class BraidTunnel extends LanPath {
    /** The built jars, relative to the e2e module (Maven builds them before e2e's tests run). */
    public static final Path SERVER_JAR = Path.of("..", "server-lite", "target", "braid-server.jar").toAbsolutePath().normalize();
    public static final Path CLIENT_JAR = Path.of("..", "client-cli", "target", "braid.jar").toAbsolutePath().normalize();

    private final Path dir;
    private final List<String> serverOptions;
    private NsProcess server;
    private NsProcess client;
    private String deviceId;

    private BraidTunnel(Testbed testbed, Path dir, List<String> serverOptions) {
        super(testbed);
        this.dir = dir;
        this.serverOptions = serverOptions;
    }

    /** Server, enrollment and a connected client, with extra {@code serve} options (e.g. a short CRL refresh). */
    public static BraidTunnel open(Testbed testbed, String... serverOptions) throws IOException {
        BraidTunnel t = new BraidTunnel(testbed, Files.createDirectories(testbed.workDir().resolve("braid")), List.of(serverOptions));
        try {
            t.startServer();
            t.enroll();
            t.startClient(List.of());
            t.awaitTunnel(Duration.ofSeconds(30));
            return t;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    public Path serverData() {
        return dir.resolve("server");
    }

    public Path clientState() {
        return dir.resolve("client");
    }

    public String deviceId() {
        return deviceId;
    }

    /** Starts (or restarts) {@code braid-server serve} on the same data directory and waits for its manager. */
    public void startServer() throws IOException {
        Files.deleteIfExists(serverData().resolve("server.json"));
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", SERVER_JAR.toString(), "serve", "--data-dir", serverData().toString(),
                "--public-host", Addresses.HEADEND_PUBLIC, "--route", Addresses.LAN_SUBNET));
        cmd.addAll(serverOptions);
        server = testbed.start(testbed.headend(), Map.of(), cmd);
        Waits.until(() -> Files.exists(serverData().resolve("server.json")) || !server.isAlive(), Duration.ofSeconds(60), "braid-server to start");
        if (!server.isAlive()) {
            throw new IOException("braid-server exited: " + server.output());
        }
    }

    /** Kills the server abruptly (SIGKILL), as a crash or power cut would. */
    public void killServer() {
        server.kill();
    }

    private void enroll() throws IOException {
        JsonNode key = Json.lenient().readTree(admin("keys", "create", "--group", "staff", "--json"));
        CommandResult r = Testbed.run(testbed.client(), Duration.ofSeconds(60), java(), "-jar", CLIENT_JAR.toString(), "enroll",
                key.get("link").asText(), "--state-dir", clientState().toString(), "--name", "e2e-client", "--json");
        deviceId = Json.lenient().readTree(r.stdout()).get("deviceId").asText();
    }

    /** Runs an admin command against the server, inside the headend namespace; returns its stdout. */
    public String admin(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", SERVER_JAR.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--data-dir", serverData().toString()));
        return Testbed.run(testbed.headend(), Duration.ofSeconds(60), cmd.toArray(String[]::new)).stdout();
    }

    /** Starts {@code braid up --foreground} in the client namespace. */
    public NsProcess startClient(List<String> upOptions) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", CLIENT_JAR.toString(), "up", "--foreground", "--state-dir",
                clientState().toString(), "--socket", dir.resolve("agent.sock").toString()));
        cmd.addAll(upOptions);
        client = testbed.start(testbed.client(), Map.of(), cmd);
        return client;
    }

    public NsProcess client() {
        return client;
    }

    /** Waits until a ping through the tunnel reaches the LAN host. */
    public void awaitTunnel(Duration timeout) throws IOException {
        Waits.until(() -> reachesLan() || !client.isAlive(), timeout, "the tunnel to carry a ping");
        if (!client.isAlive()) {
            throw new IOException("braid up exited: " + client.output());
        }
    }

    public boolean reachesLan() {
        try {
            return testbed.client().tryExec("ping", "-c", "1", "-W", "1", Addresses.LAN_HOST).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String label() {
        return "Braid";
    }

    @Override
    public List<NsProcess> processes() {
        List<NsProcess> p = new ArrayList<>();
        if (client != null) p.add(client);
        if (server != null) p.add(server);
        return p;
    }

    /** The client namespace, for checks of its routes and addresses. */
    public Netns clientNamespace() {
        return testbed.client();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
