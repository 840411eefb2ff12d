package io.braid.core.testing;

import io.braid.core.netcfg.DnsSettings;
import io.braid.core.netcfg.InterfaceSettings;
import io.braid.core.netcfg.KillSwitchPolicy;
import io.braid.core.netcfg.NetworkConfigurator;
import io.braid.core.netcfg.ReconcileReport;
import io.braid.core.netcfg.TunnelRoutes;
import io.braid.core.netcfg.WanLink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A network configurator that only records what the engine asked for (for engine tests without root). */
public final class RecordingNetwork implements NetworkConfigurator {
    public final List<Object> applied = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

    @Override
    public void configureInterface(InterfaceSettings settings) {
        applied.add(settings);
    }

    @Override
    public void setLinkUp(String interfaceName, boolean up) {
        applied.add("link " + interfaceName + (up ? " up" : " down"));
    }

    @Override
    public void applyRoutes(TunnelRoutes routes) {
        applied.add(routes);
    }

    @Override
    public void pinWans(List<WanLink> wans) {
        applied.add(wans);
    }

    @Override
    public void applyDns(DnsSettings dns) {
        applied.add(dns);
    }

    @Override
    public void applyKillSwitch(KillSwitchPolicy policy) {
        applied.add(policy);
    }

    @Override
    public void liftKillSwitch() {
        applied.add("lift kill switch");
    }

    @Override
    public void revertAll() {
        applied.add("revert all");
    }

    @Override
    public ReconcileReport reconcile() {
        return null;
    }

    @Override
    public void close() {
        closed = true;
    }
}
