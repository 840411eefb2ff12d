package io.braid.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.store.PolicyRule;
import io.braid.core.packet.IpHeader;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static final CompiledPolicy POLICY = new CompiledPolicy(List.of(
            rule("*", "198.18.10.0/24", "any", null, null),
            rule("ops", "198.18.20.0/24", "tcp", 22, 22),
            rule("web", "198.18.30.0/24", "tcp", 80, 443),
            rule("web", "198.18.30.53/32", "udp", 53, 53)));

    static PolicyRule rule(String group, String cidr, String protocol, Integer from, Integer to) {
        return new PolicyRule("r", group, cidr, protocol, from, to, null, null, "test", null);
    }

    /** An IPv4 packet from a device to {@code dst} with protocol and destination port. */
    static IpHeader packet(String src, String dst, int protocol, int sport, int dport) {
        ByteBuffer p = ByteBuffer.allocate(40);
        p.put((byte) 0x45).put((byte) 0).putShort((short) 40).putInt(0).put((byte) 64).put((byte) protocol).putShort((short) 0);
        for (String a : new String[] {src, dst}) {
            for (String part : a.split("\\.")) p.put((byte) Integer.parseInt(part));
        }
        p.putShort((short) sport).putShort((short) dport).putInt(0).putInt(0).putInt(0x50020000);
        p.flip();
        IpHeader h = new IpHeader();
        h.parse(p);
        return h;
    }

    @ParameterizedTest(name = "{0} -> {1} proto {2} port {3}: {4}")
    @CsvSource({
        "'',     198.18.10.7,  17, 53,  true",
        "'',     198.18.10.7,  1,  -1,  true",
        "'',     198.18.11.7,  17, 53,  false",
        "ops,    198.18.20.9,  6,  22,  true",
        "ops,    198.18.20.9,  6,  23,  false",
        "web,    198.18.20.9,  6,  22,  false",
        "web,    198.18.30.1,  6,  443, true",
        "web,    198.18.30.1,  6,  444, false",
        "web,    198.18.30.53, 17, 53,  true",
        "web,    198.18.30.54, 17, 53,  false",
        "'ops;web', 198.18.30.1, 6, 80,  true",
    })
    void rulesAllowOnlyWhatTheySay(String groups, String dst, int proto, int port, boolean allowed) {
        List<String> g = groups.isEmpty() ? List.of() : List.of(groups.split(";"));
        assertThat(POLICY.allows(g, packet("100.96.0.2", dst, proto, 40000, Math.max(port, 0)))).isEqualTo(allowed);
    }

    @Test
    void repliesPassOnlyForFlowsTheDeviceOpened() {
        PolicyEnforcer enforcer = new PolicyEnforcer(POLICY, new FlowTable(1024, 60_000_000_000L));
        IpHeader out = packet("100.96.0.2", "198.18.10.7", 17, 40000, 53);
        IpHeader reply = packet("198.18.10.7", "100.96.0.2", 17, 53, 40000);
        IpHeader unsolicited = packet("198.18.10.7", "100.96.0.2", 17, 53, 40001);
        assertThat(enforcer.toDevice(reply, 0)).isFalse();
        assertThat(enforcer.fromDevice(List.of(), out, 1)).isTrue();
        assertThat(enforcer.toDevice(reply, 2)).isTrue();
        assertThat(enforcer.toDevice(unsolicited, 3)).isFalse();
        assertThat(enforcer.toDevice(reply, 120_000_000_000L)).as("expired").isFalse();
        assertThat(enforcer.counters()).containsExactly(1, 0, 1, 3);
    }

    @Test
    void theFlowTableStaysBoundedUnderAFlood() {
        FlowTable flows = new FlowTable(64, 60_000_000_000L);
        for (int port = 1; port < 10_000; port++) {
            flows.recordOutbound(packet("100.96.0.2", "198.18.10.7", 17, port, 53), port);
        }
        assertThat(flows.evictions()).isGreaterThan(9_000);
        assertThat(flows.isReply(packet("198.18.10.7", "100.96.0.2", 17, 53, 9_999), 10_000)).isTrue();
    }

}
