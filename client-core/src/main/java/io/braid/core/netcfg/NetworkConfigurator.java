package io.braid.core.netcfg;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Configures the OS network around a tunnel: interface addresses, MTU and state, routes (split or
 * full with exception routes), per-WAN pinning, DNS and the kill switch. Every change is written
 * to the crash journal in the state directory before it is applied.
 *
 * <p>Lifecycle: {@link NetworkConfigurators#open} reconciles what a crashed run left behind, then the
 * agent applies its settings; {@link #close} (also run by a shutdown hook) undoes them all, except
 * a {@code lockdown} kill switch, which only {@link #liftKillSwitch} removes.
 */
public interface NetworkConfigurator extends Closeable {

    /** Adds the tunnel interface's addresses, sets its MTU and brings it up. */
    void configureInterface(InterfaceSettings settings) throws IOException;

    /** Brings an interface up or down (undone at stop). */
    void setLinkUp(String interfaceName, boolean up) throws IOException;

    /** Installs split- or full-tunnel routes; full tunnel keeps each headend reachable through every WAN. */
    void applyRoutes(TunnelRoutes routes) throws IOException;

    /** Makes a socket bound to a WAN's address leave through that WAN (see {@link PinnedSockets}). */
    void pinWans(List<WanLink> wans) throws IOException;

    /** Sets the pushed resolvers and search domains on the tunnel link; re-applying replaces them. */
    void applyDns(DnsSettings dns) throws IOException;

    /** Applies (or with level OFF lifts) the kill switch; a new policy replaces the old with no gap. */
    void applyKillSwitch(KillSwitchPolicy policy) throws IOException;

    /** Removes the kill switch, whatever its level and whichever run installed it. */
    void liftKillSwitch() throws IOException;

    /** Undoes everything this configurator applied, newest first, except a lockdown kill switch. */
    void revertAll() throws IOException;

    /** Undoes what a dead run left in the journal (see {@link JournaledConfigurator#reconcile}). */
    ReconcileReport reconcile() throws IOException;

    /** {@link #revertAll()} and release the state directory. */
    @Override
    void close() throws IOException;
}
