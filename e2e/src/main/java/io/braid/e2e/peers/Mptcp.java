package io.braid.e2e.peers;

import io.braid.core.testing.Netns;
import io.braid.e2e.testbed.Addresses;
import io.braid.e2e.testbed.Testbed;
import io.braid.e2e.testbed.Wan;
import java.io.IOException;
import java.util.List;

/**
 * The kernel's MPTCP as the bonding reference: one MPTCP connection from the client to the
 * headend's public address with a subflow on every WAN ({@code ip mptcp endpoint ... subflow},
 * limits raised on both ends), programs made MPTCP-capable by {@code mptcpize run}. Each WAN's
 * address is routed out of its own link ({@link Testbed#routeBySource()}), as OpenMPTCProuter
 * does, so each subflow really takes its WAN.
 */
public final class Mptcp implements ReferencePath {
    static final List<String> WRAPPER = List.of("mptcpize", "run");
    private final Testbed testbed;

    private Mptcp(Testbed testbed) {
        this.testbed = testbed;
    }

    public static Mptcp open(Testbed testbed) throws IOException {
        enable(testbed);
        return new Mptcp(testbed);
    }

    /** Subflows over every WAN for MPTCP connections between the client and the headend. Undone with {@link #disable}. */
    static void enable(Testbed testbed) throws IOException {
        testbed.routeBySource(true);
        int limit = 8; // the kernel's maximum: room for a subflow per WAN and for addresses the headend announces
        for (Netns ns : List.of(testbed.client(), testbed.headend())) {
            ns.exec("ip", "mptcp", "limits", "set", "subflow", Integer.toString(limit), "add_addr_accepted", Integer.toString(limit));
        }
        for (Wan wan : testbed.wans()) {
            testbed.client().exec("ip", "mptcp", "endpoint", "add", wan.address(), "dev", wan.clientInterface(), "subflow");
        }
    }

    static void disable(Testbed testbed) throws IOException {
        testbed.client().exec("ip", "mptcp", "endpoint", "flush");
        testbed.routeBySource(false);
    }

    @Override
    public String label() {
        return "MPTCP (kernel)";
    }

    @Override
    public Netns serverSide() {
        return testbed.headend();
    }

    @Override
    public String target() {
        return Addresses.HEADEND_PUBLIC;
    }

    @Override
    public List<String> wrapper() {
        return WRAPPER;
    }

    @Override
    public void close() throws IOException {
        disable(testbed);
    }
}
