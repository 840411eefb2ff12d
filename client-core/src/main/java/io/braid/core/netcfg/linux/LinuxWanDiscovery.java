package io.braid.core.netcfg.linux;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.core.json.Json;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.IpPrefix;
import io.braid.core.netcfg.WanDiscovery;
import io.braid.core.netcfg.WanLink;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WANs on Linux from iproute2's JSON output: each IPv4 default route (main table) names a device
 * and gateway; the device's first global IPv4 address is the WAN's address. Tunnel devices whose
 * names are given are skipped, so a running tunnel never counts itself as a WAN.
 */
public final class LinuxWanDiscovery implements WanDiscovery {
    private final CommandRunner runner;
    private final Set<String> ignored;

    public LinuxWanDiscovery(CommandRunner runner, Set<String> ignoredInterfaces) {
        this.runner = runner;
        this.ignored = Set.copyOf(ignoredInterfaces);
    }

    @Override
    public List<WanLink> discover() throws IOException {
        JsonNode routes = Json.lenient().readTree(runner.run("ip", "-j", "-4", "route", "show", "default").stdout());
        Map<String, InetAddress> gateways = new LinkedHashMap<>();
        for (JsonNode r : routes) {
            String dev = r.path("dev").asText("");
            String gw = r.path("gateway").asText("");
            if (!dev.isEmpty() && !gw.isEmpty() && !ignored.contains(dev)) {
                gateways.putIfAbsent(dev, IpPrefix.literal(gw));
            }
        }
        List<WanLink> wans = new ArrayList<>();
        for (Map.Entry<String, InetAddress> e : gateways.entrySet()) {
            JsonNode links = Json.lenient().readTree(runner.run("ip", "-j", "-4", "addr", "show", "dev", e.getKey()).stdout());
            for (JsonNode link : links) {
                for (JsonNode a : link.path("addr_info")) {
                    if ("global".equals(a.path("scope").asText()) && !a.path("local").asText("").isEmpty()) {
                        wans.add(new WanLink(e.getKey(), IpPrefix.literal(a.path("local").asText()), e.getValue()));
                        break;
                    }
                }
            }
        }
        return wans;
    }
}
