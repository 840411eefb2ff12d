package io.braid.e2e.peers;

import io.braid.core.testing.Netns;
import java.io.IOException;
import java.util.List;

/**
 * One way for the testbed's client to reach a server behind the headend, brought up on a
 * {@link io.braid.e2e.testbed.Testbed} for side-by-side measurements: no tunnel, wireguard-go,
 * OpenVPN, the kernel's MPTCP, OpenVPN over MPTCP... and Braid. A benchmark or test runs the
 * server half of its measurement (iperf3 -s) in {@link #serverSide()}, aims the client half from
 * the client namespace at {@link #target()}, and puts {@link #wrapper()} in front of both (MPTCP
 * needs {@code mptcpize run}). Closing it takes the path down again, leaving the testbed as it was.
 *
 * <p>To add a contender (Braid's tunnel), implement this and add one line to the benchmark's list
 * in {@code io.braid.e2e.bench.TunnelBench}.
 */
public interface ReferencePath extends AutoCloseable {

    /** The row label in reports, e.g. "wireguard-go". */
    String label();

    /** Where the measurement's server runs. */
    Netns serverSide();

    /** The address the client's traffic goes to. */
    String target();

    /** A command prefix for both iperf3 ends, or none. */
    default List<String> wrapper() {
        return List.of();
    }

    /** The path's own processes (tunnel daemons), for CPU accounting; none for the kernel's paths. */
    default List<io.braid.e2e.testbed.NsProcess> processes() {
        return List.of();
    }

    @Override
    void close() throws IOException;
}
