package io.braid.core.netcfg;

import io.braid.core.os.ShutdownCloser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link NetworkConfigurator}: asks the OS's {@link ChangePlanner} for changes, journals each
 * change's undo before applying it, and undoes them at stop, after a crash or on demand.
 */
public final class JournaledConfigurator implements NetworkConfigurator {
    private static final Logger log = LoggerFactory.getLogger(JournaledConfigurator.class);

    private final ChangeJournal journal;
    private final ChangePlanner planner;
    private final StepExecutor executor;
    private final List<JournalEntry> live = new ArrayList<>(); // applied by this run, oldest first
    private boolean closed;

    public JournaledConfigurator(ChangeJournal journal, ChangePlanner planner, CommandRunner runner) {
        this.journal = journal;
        this.planner = planner;
        this.executor = new StepExecutor(runner);
    }

    @Override
    public synchronized void configureInterface(InterfaceSettings settings) throws IOException {
        applyAll(planner.interfaceSettings(settings));
    }

    @Override
    public synchronized void setLinkUp(String interfaceName, boolean up) throws IOException {
        applyAll(planner.linkState(interfaceName, up));
    }

    @Override
    public synchronized void applyRoutes(TunnelRoutes routes) throws IOException {
        applyAll(planner.routes(routes));
    }

    @Override
    public synchronized void pinWans(List<WanLink> wans) throws IOException {
        applyAll(planner.wanPinning(wans));
    }

    @Override
    public synchronized void applyDns(DnsSettings dns) throws IOException {
        applyAll(planner.dns(dns));
    }

    @Override
    public synchronized void applyKillSwitch(KillSwitchPolicy policy) throws IOException {
        if (policy.level() == KillSwitchLevel.OFF) {
            liftKillSwitch();
        } else {
            applyAll(planner.killSwitch(policy));
        }
    }

    @Override
    public synchronized void liftKillSwitch() throws IOException {
        List<JournalEntry> all = journal.entries();
        List<JournalEntry> switches = all.stream().filter(JournalEntry::isKillSwitch).toList();
        for (JournalEntry e : switches.reversed()) executor.undo(e.undo());
        live.removeIf(JournalEntry::isKillSwitch);
        journal.rewrite(all.stream().filter(e -> !e.isKillSwitch()).toList());
        if (!switches.isEmpty()) log.info("kill switch lifted");
    }

    @Override
    public synchronized void revertAll() throws IOException {
        for (JournalEntry e : live.reversed()) {
            if (!e.survivesCrash()) executor.undo(e.undo());
        }
        live.removeIf(e -> !e.survivesCrash());
        journal.rewrite(journal.entries().stream().filter(JournalEntry::survivesCrash).toList());
    }

    /**
     * Undoes, newest first, every journaled change of a run that is no longer alive (this process
     * holds the journal lock, so the writer is gone), tolerating items already absent, then rewrites
     * the journal with only a lockdown kill switch left in it. Call it before applying anything.
     */
    @Override
    public synchronized ReconcileReport reconcile() throws IOException {
        if (!live.isEmpty()) throw new IllegalStateException("reconcile must run before this configurator applies anything");
        List<JournalEntry> entries = journal.entries();
        int undone = 0;
        int gone = 0;
        List<JournalEntry> kept = new ArrayList<>();
        for (JournalEntry e : entries.reversed()) {
            if (e.survivesCrash()) {
                kept.addFirst(e);
            } else {
                gone += executor.undo(e.undo());
                undone++;
            }
        }
        journal.rewrite(kept);
        if (undone > 0) log.info("undid {} network changes left by a previous run ({} already gone)", undone, gone);
        return new ReconcileReport(undone, gone, kept.size());
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            revertAll();
        } finally {
            journal.close();
            ShutdownCloser.unregister(this);
        }
    }

    private void applyAll(List<Change> changes) throws IOException {
        if (closed) throw new IllegalStateException("network configurator is closed");
        for (Change change : changes) apply(change);
    }

    private void apply(Change requested) throws IOException {
        Change change = requested.key() == null ? requested : replaceOlder(requested);
        JournalEntry entry = journal.append(change);
        try {
            for (Step step : change.apply()) executor.apply(step);
        } catch (IOException | RuntimeException e) {
            executor.undo(change.undo());
            journal.rewrite(journal.entries().stream().filter(x -> x.seq() != entry.seq()).toList());
            throw e;
        }
        live.add(entry);
        log.debug("applied {}", change.description());
    }

    /**
     * A change with the same key as older ones replaces them. Ordinary changes undo the older ones
     * first. The kill switch must never have a gap, so its new rules replace the old in one step and
     * the older entries are dropped; their undo steps are kept after the new ones (without repeats),
     * because only the first kill switch saw the state from before any kill switch (e.g. Windows'
     * original firewall policy), and the last step of an undo that sets it wins.
     */
    private Change replaceOlder(Change change) throws IOException {
        List<JournalEntry> older = journal.entries().stream().filter(e -> Objects.equals(e.key(), change.key())).toList();
        if (older.isEmpty()) return change;
        List<Step> undo = new ArrayList<>(change.undo());
        if (Change.KILL_SWITCH.equals(change.group())) {
            for (JournalEntry e : older) e.undo().stream().filter(s -> !undo.contains(s)).forEach(undo::add);
        } else {
            for (JournalEntry e : older.reversed()) executor.undo(e.undo());
        }
        List<Long> seqs = older.stream().map(JournalEntry::seq).toList();
        live.removeIf(e -> seqs.contains(e.seq()));
        journal.rewrite(journal.entries().stream().filter(e -> !seqs.contains(e.seq())).toList());
        return new Change(change.description(), change.key(), change.apply(), undo, change.group(), change.survivesCrash());
    }
}
