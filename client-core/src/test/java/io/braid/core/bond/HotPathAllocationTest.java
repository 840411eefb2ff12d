package io.braid.core.bond;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.bond.cap.CapLedger;
import io.braid.core.bond.cap.CapPeriod;
import io.braid.core.bond.path.PathConfig;
import io.braid.core.bond.sched.FlowHash;
import io.braid.core.bond.sched.Mode;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Choosing paths for a packet, in every mode, allocates nothing (nor does hashing its flow). */
class HotPathAllocationTest {
    private static final int PACKETS = 20_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void choosingPathsAllocatesNothing(Mode mode) {
        Bonding b = new Bonding(BondSettings.DEFAULT.withMode(mode),
                CapLedger.inMemory(CapPeriod.calendarMonth(ZoneOffset.UTC), Instant.EPOCH), BondListener.NONE);
        for (int id = 1; id <= 3; id++) {
            b.addPath(PathConfig.of(id, "wan" + id), 0);
            b.onProbeAck(new ProbeAck(id, b.onProbeSent(id, 80, 0), 0, 0), id * 5_000_000L);
        }
        ByteBuffer packet = ByteBuffer.allocate(28);
        packet.put((byte) 0x45).put(new byte[8]).put((byte) 17).put(new byte[18]).flip();
        int[] out = new int[Bonding.MAX_PATHS];
        long[] now = {20_000_000L};
        Runnable send = () -> {
            packet.putShort(20, (short) (now[0] & 0xFFFF)); // another source port: another flow
            b.choosePaths(1250, FlowHash.of(packet), now[0], out);
            now[0] += 10_000;
        };
        for (int warm = 0; warm < 3; warm++) perPacket(send);
        double bytes = perPacket(send);
        assertThat(bytes).as("%s: bytes allocated per packet", mode.wireName()).isLessThan(1.0);
    }

    private static double perPacket(Runnable op) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < PACKETS; i++) op.run();
        return (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) PACKETS;
    }
}
