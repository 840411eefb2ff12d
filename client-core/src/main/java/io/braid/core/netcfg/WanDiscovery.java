package io.braid.core.netcfg;

import java.io.IOException;
import java.util.List;

/**
 * The machine's links to the internet: every interface with a default route, its gateway and
 * address. Full tunnel needs them for the headend exception routes; bonding uses them as WANs.
 */
public interface WanDiscovery {
    List<WanLink> discover() throws IOException;
}
