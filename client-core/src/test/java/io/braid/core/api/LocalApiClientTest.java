package io.braid.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.client.LocalApiClient;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client sees when there is no agent, a dead one, or one that does not answer. */
class LocalApiClientTest {
    @TempDir
    Path tmp;

    private static void assertUnavailable(Runnable call, String... words) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_UNAVAILABLE))
                .message().contains(words);
    }

    @Test
    void withNoSocketTheMessageSaysHowToStartTheAgent() {
        Path socket = tmp.resolve("none.sock");
        LocalApiClient client = new LocalApiClient(socket);
        assertThat(client.agentRunning()).isFalse();
        assertUnavailable(client::status, "no Braid agent is running", socket.toString(), "sudo systemctl start braid-agent",
                "braid agent", "braid up --foreground");
        assertThat(ErrorCode.AGENT_UNAVAILABLE.exitCode()).isNotZero();
    }

    @Test
    void aStaleSocketFromACrashedAgentIsNoAgent() throws Exception {
        Path socket = tmp.resolve("stale.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        LocalApiClient client = new LocalApiClient(socket);
        assertThat(client.agentRunning()).isFalse();
        assertUnavailable(client::status, "no Braid agent is running");
    }

    @Test
    void anAgentThatNeverAnswersTimesOut() throws Exception {
        Path socket = tmp.resolve("silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (SocketChannel held = silent.accept()) {
                    Thread.sleep(5_000);
                } catch (Exception ignored) {
                    // the test is over
                }
            });
            long start = System.nanoTime();
            assertUnavailable(() -> new LocalApiClient(socket).call(Method.STATUS, null, Object.class, Duration.ofMillis(300)),
                    "did not answer 'status' within");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            acceptor.interrupt();
        }
    }
}
