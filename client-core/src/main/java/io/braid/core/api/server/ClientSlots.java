package io.braid.core.api.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds how many clients the agent serves at once, in total and per user, so one local user opening
 * connections in a loop cannot lock everyone else (or root) out of the API. Root is held only to the total.
 */
final class ClientSlots {
    private final int max;
    private final int maxPerUser;
    private final Map<String, Integer> perUser = new HashMap<>();
    private int total;

    ClientSlots(int max, int maxPerUser) {
        this.max = max;
        this.maxPerUser = maxPerUser;
    }

    /** A slot for {@code user}, or empty with everything taken. Close the slot when the client leaves. */
    synchronized Optional<AutoCloseable> acquire(String user, boolean root) {
        int mine = perUser.getOrDefault(user, 0);
        if (total >= max || (!root && mine >= maxPerUser)) {
            return Optional.empty();
        }
        total++;
        perUser.put(user, mine + 1);
        return Optional.of(new Slot(user));
    }

    private synchronized void release(String user) {
        total--;
        perUser.merge(user, -1, Integer::sum);
        perUser.remove(user, 0);
    }

    private final class Slot implements AutoCloseable {
        private final String user;
        private boolean released;

        Slot(String user) {
            this.user = user;
        }

        @Override
        public void close() {
            synchronized (ClientSlots.this) {
                if (!released) {
                    released = true;
                    release(user);
                }
            }
        }
    }
}
