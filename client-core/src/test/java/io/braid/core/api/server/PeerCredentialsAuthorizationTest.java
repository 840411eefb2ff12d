package io.braid.core.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.api.LineChannel;
import io.braid.core.testing.RootOnly;
import io.braid.core.testing.RunningLocalApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization with real credentials: the agent runs as root in this JVM, the client runs as uid
 * 65534 (nobody) in a child process started through {@code setpriv}, and the kernel tells the agent
 * who connected. The child is a JDK-only program so it needs nothing from root's Maven repository.
 */
class PeerCredentialsAuthorizationTest {
    private static final String PROBE = """
            import java.io.ByteArrayOutputStream;
            import java.net.StandardProtocolFamily;
            import java.net.UnixDomainSocketAddress;
            import java.nio.ByteBuffer;
            import java.nio.channels.SocketChannel;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Path;

            /** Sends each argument after the first as a request line and prints the answer line. */
            public class Probe {
                public static void main(String[] args) throws Exception {
                    try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                        c.connect(UnixDomainSocketAddress.of(Path.of(args[0])));
                        ByteBuffer in = ByteBuffer.allocate(1);
                        for (int i = 1; i < args.length; i++) {
                            c.write(ByteBuffer.wrap((args[i] + "\\n").getBytes(StandardCharsets.UTF_8)));
                            ByteArrayOutputStream line = new ByteArrayOutputStream();
                            while (c.read(in.clear()) == 1 && in.get(0) != '\\n') {
                                line.write(in.get(0));
                            }
                            System.out.println(line.toString(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            """;

    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        RootOnly.assumeLinuxRootWith("setpriv");
        // JUnit's temp directories are 0700; nobody must be able to reach the socket and the probe.
        dir = Files.createTempDirectory(Path.of("/tmp"), "braid-peercred",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(dir.resolve("Probe.java"), PROBE);
        Files.setPosixFilePermissions(dir.resolve("Probe.java"), PosixFilePermissions.fromString("rw-r--r--"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs the probe as uid and gid 65534 with no supplementary groups; returns one answer line per request. */
    private List<String> asNobody(Path socket, String... requests) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--",
                java, "-XX:-UsePerfData", "-Xshare:auto", dir.resolve("Probe.java").toString(), socket.toString()));
        command.addAll(List.of(requests));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out.lines().toList();
    }

    @Test
    void anotherUserMayReadButNotChangeTheAgent() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(dir)) {
            List<String> answers = asNobody(api.socket, "{\"id\":1,\"method\":\"status\"}", "{\"id\":2,\"method\":\"down\"}",
                    "{\"id\":3,\"method\":\"up\"}", "{\"id\":4,\"method\":\"version\"}");
            assertThat(answers).hasSize(4);
            assertThat(answers.get(0)).startsWith("{\"id\":1,\"result\":").contains("\"deviceId\":\"dev-fake\"");
            assertThat(answers.get(1)).startsWith("{\"id\":2,\"error\":{\"code\":\"forbidden\"")
                    .contains("'down' refused").contains("you are nobody").contains("braid group");
            assertThat(answers.get(2)).contains("\"code\":\"forbidden\"");
            assertThat(answers.get(3)).startsWith("{\"id\":4,\"result\":");
            assertThat(api.agent.calls()).extracting(c -> c.method()).containsExactly("status");
        }
    }

    @Test
    void membersOfTheWriteGroupMayChangeTheAgent() throws Exception {
        String nogroup = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName("65534").getName();
        LocalApiServer.Options groupOf65534 = new LocalApiServer.Options(8, 8, LineChannel.MAX_LINE_BYTES, Duration.ofSeconds(30), 64, nogroup);
        try (RunningLocalApi api = new RunningLocalApi(dir, groupOf65534)) {
            List<String> answers = asNobody(api.socket, "{\"id\":1,\"method\":\"down\",\"params\":{\"force\":true}}");
            assertThat(answers.getFirst()).startsWith("{\"id\":1,\"result\":");
            assertThat(api.agent.calls()).extracting(c -> c.method()).containsExactly("down");
        }
    }
}
