package io.braid.core.bond.cap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the bytes each link sends and receives per period, keyed by the link's name (WAN names
 * are stable across restarts; path ids are not), and persists them through a {@link CapStore}.
 *
 * <p>Wall-clock work happens only in {@link #rollover} and {@link #saveIfChanged}, which the owner
 * calls every few seconds to a minute; the per-packet path is {@link CapAccount#add}. A crash loses
 * at most what was counted since the last save (an undercount of seconds of traffic).
 * Not thread-safe: owned by the engine's bonding thread, like the rest of the bonding state.
 */
public final class CapLedger {
    private final CapStore store;
    private final CapPeriod defaultPeriod;
    private final Map<String, CapUsage> stored = new LinkedHashMap<>();
    private final Map<String, CapAccount> accounts = new LinkedHashMap<>();
    private Instant now;

    /** Loads saved usage; {@code defaultPeriod} is the period of links without a cap (they are counted too). */
    public CapLedger(CapStore store, CapPeriod defaultPeriod, Instant now) {
        this.store = store;
        this.defaultPeriod = defaultPeriod;
        this.now = now;
        for (CapUsage u : store.load()) stored.put(u.link(), u);
    }

    /** A ledger that keeps nothing between runs. */
    public static CapLedger inMemory(CapPeriod defaultPeriod, Instant now) {
        return new CapLedger(CapStore.inMemory(), defaultPeriod, now);
    }

    /** The account of {@code link}, created on first use (from saved usage, if any) and given {@code cap} (null: none). */
    public CapAccount account(String link, DataCap cap) {
        CapAccount account = accounts.get(link);
        if (account == null) {
            CapUsage saved = stored.get(link);
            account = saved == null
                    ? new CapAccount(link, cap, defaultPeriod, 0, Instant.EPOCH, now)
                    : new CapAccount(link, cap, defaultPeriod, saved.usedBytes(), saved.periodStart(), now);
            accounts.put(link, account);
        } else {
            account.setCap(cap, defaultPeriod, now);
        }
        return account;
    }

    /** Moves the ledger's clock on and starts new periods where one has ended. */
    public void rollover(Instant now) {
        this.now = now;
        for (CapAccount a : accounts.values()) a.rollover(now);
    }

    /** Saves when anything was counted or changed since the last save; returns whether it saved. */
    public boolean saveIfChanged() {
        boolean changed = false;
        for (CapAccount a : accounts.values()) changed |= a.takeDirty();
        if (!changed) return false;
        for (CapAccount a : accounts.values()) stored.put(a.link(), a.usage());
        store.save(new ArrayList<>(stored.values()));
        return true;
    }

    /** Usage of every link seen, including links saved earlier and not present now. */
    public List<CapUsage> usage() {
        Map<String, CapUsage> all = new LinkedHashMap<>(stored);
        for (CapAccount a : accounts.values()) all.put(a.link(), a.usage());
        return List.copyOf(all.values());
    }
}
