package io.braid.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.client.Watch;
import io.braid.core.api.client.WatchListener;
import io.braid.core.api.messages.AgentStatus;
import io.braid.core.api.messages.ConnectionState;
import io.braid.core.api.messages.LogEntry;
import io.braid.core.testing.FakeAgentService;
import io.braid.core.testing.RunningLocalApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch}: a snapshot first, then every change, until either side ends it. */
class WatchTest {
    @TempDir
    Path tmp;

    /** Collects what a watch delivers, for the test thread to take in order. */
    static final class Recorder implements WatchListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final CompletableFuture<BraidException> ended = new CompletableFuture<>();

        @Override
        public void status(AgentStatus status) {
            events.add(status);
        }

        @Override
        public void log(LogEntry entry) {
            events.add(entry);
        }

        @Override
        public void ended(BraidException cause) {
            ended.complete(cause);
        }

        Object next() throws InterruptedException {
            Object e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("an event within 10 s").isNotNull();
            return e;
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void snapshotFirstThenEachChangeAndLogInOrder() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp)) {
            AgentStatus connecting = FakeAgentService.sample(ConnectionState.CONNECTING);
            api.agent.publish(connecting);
            Recorder recorder = new Recorder();
            try (Watch watch = api.client().watch(recorder)) {
                assertThat(recorder.next()).isEqualTo(connecting);
                AgentStatus connected = FakeAgentService.sample(ConnectionState.CONNECTED);
                api.agent.publish(connected);
                api.agent.log(LogEntry.Level.INFO, "tunnel connected");
                api.agent.publish(connected); // no change, no event
                AgentStatus reconnecting = FakeAgentService.sample(ConnectionState.RECONNECTING);
                api.agent.publish(reconnecting);

                assertThat(recorder.next()).isEqualTo(connected);
                assertThat(recorder.next()).isInstanceOfSatisfying(LogEntry.class, e -> assertThat(e.message()).isEqualTo("tunnel connected"));
                assertThat(recorder.next()).isEqualTo(reconnecting);
                assertThat(recorder.events.poll(100, TimeUnit.MILLISECONDS)).isNull();
                assertThat(api.agent.watchers()).isEqualTo(1);
            }
            assertThat(recorder.ended.get(10, TimeUnit.SECONDS)).as("closed on this side: no error").isNull();
            eventually(() -> api.agent.watchers() == 0);
            // The agent keeps serving after a watcher leaves.
            assertThat(api.client().status().state()).isEqualTo(ConnectionState.RECONNECTING);
        }
    }

    @Test
    void manyWatchersEachGetEveryChange() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp)) {
            Recorder[] recorders = new Recorder[8];
            Watch[] watches = new Watch[recorders.length];
            for (int i = 0; i < recorders.length; i++) {
                recorders[i] = new Recorder();
                watches[i] = api.client().watch(recorders[i]);
            }
            for (Recorder r : recorders) {
                assertThat(r.next()).isEqualTo(FakeAgentService.sample(ConnectionState.DISCONNECTED));
            }
            AgentStatus connected = FakeAgentService.sample(ConnectionState.CONNECTED);
            api.agent.publish(connected);
            for (Recorder r : recorders) {
                assertThat(r.next()).isEqualTo(connected);
            }
            for (Watch w : watches) {
                w.close();
            }
            eventually(() -> api.agent.watchers() == 0);
        }
    }

    @Test
    void whenTheAgentStopsTheWatchEndsWithAgentUnavailable() throws Exception {
        RunningLocalApi api = new RunningLocalApi(tmp);
        Recorder recorder = new Recorder();
        Watch watch = api.client().watch(recorder);
        recorder.next();
        api.close();
        assertThatThrownBy(watch::await)
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_UNAVAILABLE));
        assertThat(recorder.ended.get(10, TimeUnit.SECONDS).code()).isEqualTo(ErrorCode.AGENT_UNAVAILABLE);
    }

    @Test
    void closingFromAnotherThreadReleasesAWaitingAwait() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp)) {
            Watch watch = api.client().watch(new Recorder());
            Thread closer = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    // close anyway
                }
                watch.close();
            });
            watch.await();
            closer.join();
        }
    }

    @Test
    void watchingTwiceOnOneConnectionIsRefused() throws Exception {
        try (RunningLocalApi api = new RunningLocalApi(tmp); var raw = api.raw()) {
            assertThat(raw.send("{\"id\":1,\"method\":\"watch\"}").readLine()).isEqualTo("{\"id\":1,\"result\":{\"subscribed\":true}}");
            assertThat(raw.readLine()).startsWith("{\"event\":\"status\",\"data\":{\"state\":\"disconnected\"");
            String second = raw.send("{\"id\":2,\"method\":\"watch\"}").readLine();
            assertThat(second).contains("\"id\":2").contains("\"code\":\"conflict\"");
            // Plain calls still work on a watching connection, answered between events.
            assertThat(raw.send("{\"id\":3,\"method\":\"version\"}").readLine()).startsWith("{\"id\":3,\"result\":");
        }
    }
}
