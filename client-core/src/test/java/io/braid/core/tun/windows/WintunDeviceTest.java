package io.braid.core.tun.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.os.NativeCallException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import io.braid.core.testing.BlockedReader;
import org.junit.jupiter.api.Test;

/** The Wintun device's real code against a fake wintun.dll and fake Win32 events. */
class WintunDeviceTest {
    final FakeWintun wintun = new FakeWintun();

    @Test
    void createsTheAdapterWhenItDoesNotExistAndStartsA4MiBSession() throws Exception {
        try (WintunDevice tun = WintunDevice.open(wintun, wintun, "Braid", 1420)) {
            assertThat(wintun.calls).startsWith("open Braid", "create Braid type Braid");
            assertThat(wintun.capacity).isEqualTo(4 * 1024 * 1024);
            assertThat(tun.luid()).isEqualTo(0x1234_0000_0005L);
        }
        assertThat(wintun.calls).endsWith("end session", "close adapter", "close handle");
    }

    @Test
    void reopensAnAdapterThatAlreadyExists() throws Exception {
        wintun.adapterExists = true;
        try (WintunDevice ignored = WintunDevice.open(wintun, wintun, "Braid", 1420)) {
            assertThat(wintun.calls).containsExactly("open Braid");
        }
    }

    @Test
    void aFailedSessionNamesTheCallAndCodeAndClosesTheAdapter() {
        wintun.failStartSession = true;
        assertThatThrownBy(() -> WintunDevice.open(wintun, wintun, "Braid", 1420))
                .isInstanceOfSatisfying(NativeCallException.class, e -> assertThat(e.getMessage()).startsWith("WintunStartSession(Braid) failed: error 5"));
        assertThat(wintun.calls).endsWith("close adapter");
    }

    @Test
    void readsCopyOnePacketOutOfTheRingAndReleaseIt() throws Exception {
        try (WintunDevice tun = WintunDevice.open(wintun, wintun, "Braid", 1420)) {
            byte[] packet = {0x45, 0, 0, 8, 1, 2, 3, 4};
            wintun.deliver(packet);
            ByteBuffer in = ByteBuffer.allocateDirect(2048).position(10);
            assertThat(tun.read(in)).isEqualTo(8);
            byte[] got = new byte[8];
            in.get(10, got);
            assertThat(got).isEqualTo(packet);
            assertThat(in.position()).isEqualTo(18);
            assertThat(wintun.released).isEqualTo(1);
        }
    }

    @Test
    void writesSendExactlyThePacketAndAFullRingDropsIt() throws Exception {
        try (WintunDevice tun = WintunDevice.open(wintun, wintun, "Braid", 1420)) {
            ByteBuffer out = ByteBuffer.allocateDirect(64);
            out.put(new byte[] {0x60, 0, 0, 0, 9, 9}).flip();
            assertThat(tun.write(out)).isEqualTo(6);
            assertThat(wintun.sent.getFirst()).containsExactly(0x60, 0, 0, 0, 9, 9);

            wintun.sendRingFull = true;
            assertThat(tun.write(out.position(0))).isZero();
            assertThat(out.hasRemaining()).isFalse();
            assertThat(wintun.sent).hasSize(1);
        }
    }

    @Test
    void closeWakesAReaderWaitingOnAnEmptyRing() throws Exception {
        WintunDevice tun = WintunDevice.open(wintun, wintun, "Braid", 1420);
        BlockedReader reader = BlockedReader.start(tun);
        tun.close();
        assertThat(reader.outcome()).isInstanceOf(AsynchronousCloseException.class);
    }
}
