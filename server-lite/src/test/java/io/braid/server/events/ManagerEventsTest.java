package io.braid.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.testing.MutableClock;
import io.braid.server.fleet.Headend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManagerEventsTest {
    private final ManagerEvents events = new ManagerEvents(MutableClock.startingNow());

    private static ManagerEvent headend(String id, boolean up) {
        return new HeadendChanged(up, new Headend(id, id, "198.18.0.1:8444", "test", Instant.EPOCH));
    }

    @Test
    void subscribersGetEventsInPublishOrderNumberedFromOne() throws Exception {
        try (Subscription a = events.subscribe(10); Subscription b = events.subscribe(10)) {
            events.publish(headend("h1", true));
            events.publish(headend("h2", true));
            for (Subscription s : List.of(a, b)) {
                assertThat(s.poll(Duration.ZERO).seq()).isEqualTo(1);
                ManagerEvents.Published second = s.poll(Duration.ZERO);
                assertThat(second.seq()).isEqualTo(2);
                assertThat(second.event().type()).isEqualTo("headend.up");
                assertThat(s.poll(Duration.ofMillis(10))).isNull();
            }
        }
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void aFullQueueDropsItsOldestAndCountsWhatItDropped() throws Exception {
        try (Subscription slow = events.subscribe(3)) {
            for (int i = 1; i <= 5; i++) {
                events.publish(headend("h" + i, true));
            }
            assertThat(slow.takeDropped()).isEqualTo(2);
            assertThat(slow.takeDropped()).isZero();
            List<Long> left = new ArrayList<>();
            for (ManagerEvents.Published p; (p = slow.poll(Duration.ZERO)) != null; ) {
                left.add(p.seq());
            }
            assertThat(left).containsExactly(3L, 4L, 5L);
        }
    }

    @Test
    void listenersRunInlineBeforeSubscribersAndOneFailingListenerStopsNothing() throws Exception {
        List<String> seen = new ArrayList<>();
        events.listen(e -> {
            throw new IllegalStateException("broken listener");
        });
        events.listen(e -> seen.add(e.type()));
        try (Subscription s = events.subscribe(4)) {
            events.publish(headend("h1", false));
            assertThat(seen).containsExactly("headend.down"); // already there when publish returns
            assertThat(s.poll(Duration.ZERO).event().type()).isEqualTo("headend.down");
        }
    }

    @Test
    void closingTheBusReleasesAWaitingReader() throws Exception {
        Subscription s = events.subscribe(4);
        CountDownLatch returned = new CountDownLatch(1);
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                s.poll(Duration.ofMinutes(1));
                returned.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        events.close();
        assertThat(returned.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(s.isClosed()).isTrue();
        reader.join();
        events.publish(headend("late", true)); // ignored, no error
        assertThat(events.subscribe(1).isClosed()).isTrue();
    }
}
