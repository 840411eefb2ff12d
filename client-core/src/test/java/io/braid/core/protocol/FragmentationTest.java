package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentationTest {
    private static final long MS = 1_000_000L;

    private static ByteBuffer inner(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return ByteBuffer.wrap(b);
    }

    /** The bodies of the fragments of {@code inner}, each a separate buffer. */
    private static List<ByteBuffer> fragments(ByteBuffer inner, int maxBody) {
        int count = Fragmenter.fragmentCount(inner.remaining(), maxBody);
        List<ByteBuffer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteBuffer f = ByteBuffer.allocate(maxBody);
            Fragmenter.writeFragment(inner, i, maxBody, i, f);
            assertThat(f.position()).isLessThanOrEqualTo(maxBody);
            out.add(f.flip());
        }
        return out;
    }

    @Test
    void countsFollowTheMtu() {
        int maxBody = Fragmenter.maxBody(1280);
        assertThat(maxBody).isEqualTo(1280 - 40);
        assertThat(Fragmenter.fragmentCount(maxBody, maxBody)).isEqualTo(1);
        assertThat(Fragmenter.fragmentCount(maxBody + 1, maxBody)).isEqualTo(2);
        assertThat(Fragmenter.fragmentCount(9000, maxBody)).isEqualTo(8);
        assertThat(Fragmenter.fragmentCount(70_000, maxBody)).isEqualTo(-1);
        assertThat(Fragmenter.fragmentCount(500, 4)).isEqualTo(-1);
        for (int len = 2; len < 3000; len++) { // the last chunk is never empty nor longer than the others
            for (int body = 5; body < len && body < 200; body += 7) {
                int count = Fragmenter.fragmentCount(len, body);
                if (count < 0) continue;
                int chunk = Fragmenter.chunkLength(len, body);
                int last = len - (count - 1) * chunk;
                assertThat(last).as("len %d body %d", len, body).isBetween(1, chunk);
                assertThat(chunk + Fragmenter.HEADER_BYTES).isLessThanOrEqualTo(body);
            }
        }
    }

    /** Property: any arrival order of any packet size rebuilds the exact packet at its first counter. */
    @Test
    void reassemblesInAnyOrder() {
        Random r = new Random(1);
        Reassembler re = new Reassembler(4, 9000, 100 * MS);
        long counter = 0;
        for (int run = 0; run < 300; run++) {
            int maxBody = 100 + r.nextInt(1400);
            int largest = Math.min(9000, Fragmenter.MAX_FRAGMENTS * (maxBody - Fragmenter.HEADER_BYTES));
            ByteBuffer in = inner(maxBody + 1 + r.nextInt(largest - maxBody), run);
            List<ByteBuffer> frags = fragments(in, maxBody);
            assertThat(frags).hasSizeGreaterThan(1);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < frags.size(); i++) order.add(i);
            Collections.shuffle(order, r);
            int result = -2;
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                result = re.add(counter + i, frags.get(i), 0);
                assertThat(result).isEqualTo(k == order.size() - 1 ? Reassembler.COMPLETE : Reassembler.PENDING);
            }
            assertThat(re.completed()).isEqualTo(in);
            assertThat(re.completedCounter()).isEqualTo(counter);
            counter += frags.size() + r.nextInt(3);
        }
        assertThat(re.inProgress()).isZero();
        assertThat(re.rejected()).isZero();
    }

    @Test
    void fragmentsMayBeInterleavedWithOtherPackets() {
        Reassembler re = new Reassembler(2, 9000, 50 * MS);
        ByteBuffer in = inner(3000, 9);
        int maxBody = 1200;
        int count = Fragmenter.fragmentCount(3000, maxBody);
        long[] counters = {40, 44, 47};
        for (int i = 0; i < count; i++) {
            ByteBuffer f = ByteBuffer.allocate(maxBody);
            Fragmenter.writeFragment(in, i, maxBody, (int) (counters[i] - counters[0]), f);
            assertThat(re.add(counters[i], f.flip(), 0)).isEqualTo(i == count - 1 ? Reassembler.COMPLETE : Reassembler.PENDING);
        }
        assertThat(re.completed()).isEqualTo(in);
        assertThat(re.completedCounter()).isEqualTo(40);
    }

    @Test
    void incompletePacketsExpireAndSlotsAreBounded() {
        Reassembler re = new Reassembler(2, 3000, 50 * MS);
        List<ByteBuffer> a = fragments(inner(2000, 1), 1000);
        List<ByteBuffer> b = fragments(inner(2000, 2), 1000);
        List<ByteBuffer> c = fragments(inner(2000, 3), 1000);
        assertThat(re.add(0, a.get(0), 0)).isEqualTo(Reassembler.PENDING);
        assertThat(re.add(10, b.get(0), 1 * MS)).isEqualTo(Reassembler.PENDING);
        assertThat(re.add(20, c.get(0), 2 * MS)).isEqualTo(Reassembler.PENDING); // evicts a, the oldest
        assertThat(re.evicted()).isEqualTo(1);
        assertThat(re.add(1, a.get(1), 3 * MS)).isEqualTo(Reassembler.PENDING); // a restarts, evicting b
        assertThat(re.add(21, c.get(1), 4 * MS)).isEqualTo(Reassembler.PENDING);
        assertThat(re.add(22, c.get(2), 5 * MS)).isEqualTo(Reassembler.COMPLETE);
        assertThat(re.add(2, a.get(2), 60 * MS)).isEqualTo(Reassembler.PENDING); // a timed out meanwhile
        assertThat(re.expired()).isEqualTo(1);
        assertThat(re.memoryBoundBytes()).isEqualTo(6000);
    }

    @Test
    void rejectsFragmentsThatContradictTheirPacket() {
        Reassembler re = new Reassembler(4, 3000, 50 * MS);
        List<ByteBuffer> f = fragments(inner(2500, 1), 1000);
        assertThat(f).hasSize(3);
        assertThat(re.add(0, ByteBuffer.wrap(new byte[] {0, 1, 0, 0, 0, 0, 9}), 0)).isEqualTo(Reassembler.REJECTED); // count 1
        assertThat(re.add(0, ByteBuffer.wrap(new byte[] {3, 3, 0, 0, 0, 3, 9}), 0)).isEqualTo(Reassembler.REJECTED); // index >= count
        assertThat(re.add(0, ByteBuffer.wrap(new byte[] {0, 2, 0, 0, 0, 0}), 0)).isEqualTo(Reassembler.REJECTED); // empty chunk
        assertThat(re.add(0, ByteBuffer.wrap(new byte[] {0, 2, (byte) 0x0b, (byte) 0xb8, 0, 0, 9}), 0))
                .isEqualTo(Reassembler.REJECTED); // past maxPacketBytes
        assertThat(re.add(5, ByteBuffer.wrap(new byte[] {9, 10, 0, 0, 0, 9, 9}), 0)).isEqualTo(Reassembler.REJECTED); // base < 0

        assertThat(re.add(100, f.get(0), 0)).isEqualTo(Reassembler.PENDING);
        ByteBuffer wrongCount = copy(f.get(1));
        wrongCount.put(1, (byte) 4);
        assertThat(re.add(101, wrongCount, 0)).isEqualTo(Reassembler.REJECTED);
        assertThat(re.inProgress()).isZero(); // the contradicted packet is dropped whole

        assertThat(re.add(200, f.get(0), 0)).isEqualTo(Reassembler.PENDING);
        ByteBuffer wrongOffset = copy(f.get(1));
        wrongOffset.putShort(2, (short) 5);
        assertThat(re.add(201, wrongOffset, 0)).isEqualTo(Reassembler.REJECTED);
        assertThat(re.add(300, ByteBuffer.wrap(new byte[] {2, 3, 0, 0, 0, 1, 9}), 0))
                .isEqualTo(Reassembler.REJECTED); // distance < index
        assertThat(re.rejected()).isEqualTo(8);
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }
}
