package io.braid.core.netcfg;

import java.io.IOException;
import java.util.List;

/**
 * Turns what Braid wants into OS changes, each with its exact undo, for one operating system.
 * Planners only plan (they may run read-only queries); {@link JournaledConfigurator} journals and
 * applies. That split keeps every OS's commands unit-testable as plain data.
 */
public interface ChangePlanner {

    List<Change> interfaceSettings(InterfaceSettings settings) throws IOException;

    List<Change> linkState(String interfaceName, boolean up) throws IOException;

    List<Change> routes(TunnelRoutes routes) throws IOException;

    List<Change> wanPinning(List<WanLink> wans) throws IOException;

    List<Change> dns(DnsSettings dns) throws IOException;

    /** The kill switch for {@code policy}; never called with level OFF. */
    List<Change> killSwitch(KillSwitchPolicy policy) throws IOException;
}
