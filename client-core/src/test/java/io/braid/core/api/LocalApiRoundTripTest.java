package io.braid.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.client.LocalApiClient;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.DownRequest;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.api.messages.UpRequest;
import io.braid.core.testing.FakeAgentService;
import io.braid.core.testing.RunningLocalApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every method through a real socket, from {@link LocalApiClient} to the service and back. */
class LocalApiRoundTripTest {
    @TempDir
    Path tmp;

    private RunningLocalApi api;
    private LocalApiClient client;

    @BeforeEach
    void start() {
        api = new RunningLocalApi(tmp);
        client = api.client();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void statusVersionAndLogsComeBackAsSent() {
        AgentStatus connected = FakeAgentService.sample(ConnectionState.CONNECTED);
        api.agent.publish(connected);
        api.agent.log(LogEntry.Level.WARN, "path wlan0 degraded");

        assertThat(client.status()).isEqualTo(connected);
        assertThat(client.version().protocol()).isEqualTo(LocalApi.PROTOCOL);
        assertThat(client.version().version()).isNotBlank();
        List<LogEntry> logs = client.logs();
        assertThat(logs).extracting(LogEntry::message).containsExactly("path wlan0 degraded");
        assertThat(logs.getFirst().level()).isEqualTo(LogEntry.Level.WARN);
        assertThat(client.agentRunning()).isTrue();
    }

    @Test
    void changingCallsReachTheServiceWithTheirParameters() {
        UpRequest up = new UpRequest("redundant", List.of("eth0", "wlan0"), true, "lockdown");
        assertThat(client.up(up).state()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(api.agent.lastParams("up")).isEqualTo(up);

        assertThat(client.down(new DownRequest(true)).state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(api.agent.lastParams("down")).isEqualTo(new DownRequest(true));

        EnrollParams enroll = new EnrollParams(null, "https://198.18.0.1:8443", "k1234.abcdefghijklmnopqrstu", "sha256:" + "ab".repeat(32),
                "laptop", false);
        assertThat(client.enroll(enroll).deviceId()).isEqualTo("dev-fake");
        assertThat(api.agent.lastParams("enroll")).isEqualTo(enroll);
        assertThat(enroll.toString()).doesNotContain("k1234");
    }

    @Test
    void defaultsTravelAsAbsentFields() {
        client.up(UpRequest.defaults());
        assertThat(api.agent.lastParams("up")).isEqualTo(UpRequest.defaults());
        client.down(new DownRequest(null));
        assertThat(((DownRequest) api.agent.lastParams("down")).forced()).isFalse();
    }

    @Test
    void theServicesRefusalsArriveWithTheirCode() {
        api.agent.failNext("up", new BraidException(ErrorCode.NOT_ENROLLED, "this device is not enrolled"));
        assertThatThrownBy(() -> client.up(UpRequest.defaults()))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_ENROLLED))
                .hasMessage("this device is not enrolled");
        api.agent.failNext("status", new IllegalStateException("bug with a secret inside"));
        assertThatThrownBy(() -> client.status())
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL))
                .message().doesNotContain("secret");
        assertThat(client.status().state()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void reservedMethodsSayTheyAreNotImplementedYet() {
        for (Method m : List.of(Method.MODE, Method.WANS, Method.WAN_SET)) {
            assertThatThrownBy(() -> client.call(m, null, Object.class, LocalApiClient.QUICK))
                    .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_IMPLEMENTED))
                    .hasMessageContaining("multi-WAN bonding");
        }
    }

    @Test
    void manyClientsAtOnceEachGetTheirOwnAnswers() throws Exception {
        int clients = 16;
        int calls = 25;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try (pool) {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int mine = c;
                Callable<Integer> work = () -> {
                    for (int i = 0; i < calls; i++) {
                        if (i % 5 == 0) {
                            client.up(new UpRequest(null, List.of("wan" + mine), null, null));
                        } else {
                            assertThat(client.status().deviceId()).isEqualTo("dev-fake");
                        }
                    }
                    return calls;
                };
                done.add(pool.submit(work));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(calls);
            }
        }
        assertThat(api.agent.calls()).hasSize(clients * calls);
    }
}
