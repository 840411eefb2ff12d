package io.braid.core.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.testing.FakeAgentService;
import io.braid.core.testing.RunningLocalApi;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket file from bind to removal: permissions, stale files, and never two agents on one socket. */
class SocketLifecycleTest {
    @TempDir
    Path tmp;

    private static void assertConflict(Path socket, String messagePart) {
        assertThatThrownBy(() -> LocalApiServer.start(socket, new FakeAgentService(), LocalApiServer.Options.defaults()))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining(messagePart);
    }

    @Test
    void theSocketIsOpenToEveryoneAndRemovedOnClose() throws Exception {
        Path socket;
        try (RunningLocalApi api = new RunningLocalApi(tmp.resolve("run/braid"))) {
            socket = api.socket;
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw-rw-");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwxr-xr-x");
        }
        assertThat(socket).doesNotExist();
        assertThat(socket.getParent()).isDirectory();
    }

    @Test
    void aSecondAgentOnALiveSocketIsRefusedAndTheFirstKeepsWorking() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp)) {
            assertConflict(api.socket, "another Braid agent is already running on " + api.socket);
            assertThat(api.socket).exists();
            assertThat(api.client().status().deviceId()).isEqualTo("dev-fake");
        }
    }

    @Test
    void aStaleSocketFromACrashedAgentIsReplaced() throws Exception {
        Path socket = tmp.resolve("agent.sock");
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        try (RunningLocalApi api = new RunningLocalApi(tmp)) {
            assertThat(api.client().status().deviceId()).isEqualTo("dev-fake");
        }
    }

    @Test
    void somethingElseAtThePathIsLeftAlone() throws Exception {
        Path file = Files.writeString(tmp.resolve("agent.sock"), "not a socket");
        assertConflict(file, "is not a socket");
        assertThat(file).hasContent("not a socket");
    }

    @Test
    void closingTwiceAndAnotherAgentsSocketAreHandled() throws Exception {
        RunningLocalApi first = new RunningLocalApi(tmp);
        Files.delete(first.socket); // an operator removed it; a new agent took the path
        try (RunningLocalApi second = new RunningLocalApi(tmp)) {
            first.close();
            first.close();
            assertThat(second.socket).exists();
            assertThat(second.client().status()).isNotNull();
        }
    }
}
