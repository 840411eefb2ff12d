package io.braid.core.bond.cap;

import java.util.ArrayList;
import java.util.List;

/** Where a {@link CapLedger} keeps usage between runs, so a restart does not reset the count. */
public interface CapStore {
    /** Everything saved so far (empty the first time). */
    List<CapUsage> load();

    /** Replaces what is saved; atomic, so a crash leaves the previous save or this one. */
    void save(List<CapUsage> usage);

    /** A store in memory: for the headend (which enforces no client caps) and for tests. */
    static CapStore inMemory() {
        return new CapStore() {
            private List<CapUsage> saved = new ArrayList<>();

            @Override
            public List<CapUsage> load() {
                return List.copyOf(saved);
            }

            @Override
            public void save(List<CapUsage> usage) {
                saved = List.copyOf(usage);
            }
        };
    }
}
