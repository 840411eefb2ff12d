package io.braid.core.tun.linux;

import io.braid.core.netcfg.IpPrefix;
import io.braid.core.testing.Ipv4Packets;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The Java side of scripts/bench-tun.sh, the same loop as scripts/bench/tun_pingpong.c: attach to
 * a configured TUN, write an ICMP echo request to the TUN's own address, read the kernel's reply,
 * on one thread through {@link LinuxTun} with two reusable direct buffers.
 *
 * <p>usage: TunPingPongBenchmark IFNAME SECONDS WARMUP_SECONDS PACKET_BYTES LOCAL_IP PEER_IP
 */
public final class TunPingPongBenchmark {
    public static void main(String[] args) throws IOException {
        String ifName = args[0];
        double seconds = Double.parseDouble(args[1]);
        double warmup = Double.parseDouble(args[2]);
        int length = Integer.parseInt(args[3]);
        InetAddress local = IpPrefix.literal(args[4]);
        InetAddress peer = IpPrefix.literal(args[5]);

        ByteBuffer request = ByteBuffer.allocateDirect(9000);
        ByteBuffer reply = ByteBuffer.allocateDirect(9100);
        Ipv4Packets.icmpEcho(request, 8, peer, local, 0x4242, 1, length - 28);
        try (TunDevice tun = LinuxTun.open(ifName, 1500)) {
            long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < warmupEnd) roundTrip(tun, request, reply);

            long roundTrips = 0;
            long bytes = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            do {
                for (int i = 0; i < 256; i++) {
                    bytes += roundTrip(tun, request, reply);
                    roundTrips++;
                }
            } while (System.nanoTime() < end);
            double elapsed = (System.nanoTime() - start) / 1e9;
            // pps counts packets moved: each round trip writes one and reads one.
            System.out.printf(Locale.ROOT, "impl=java bytes_per_packet=%d round_trips=%d seconds=%.3f pps=%.0f MBps=%.1f%n",
                    length, roundTrips, elapsed, 2.0 * roundTrips / elapsed, bytes / elapsed / 1e6);
        }
    }

    private static long roundTrip(TunDevice tun, ByteBuffer request, ByteBuffer reply) throws IOException {
        int written = tun.write(request.position(0));
        return written + tun.read(reply.clear());
    }
}
