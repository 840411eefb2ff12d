package io.braid.core.tun.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.os.NativeCallException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import io.braid.core.testing.BlockedReader;
import org.junit.jupiter.api.Test;

/** The utun device's real code (structures, header handling, checks, close) against a fake kernel. */
class UtunDeviceTest {
    final FakeDarwinLibc kernel = new FakeDarwinLibc();

    @Test
    void opensTheRequestedUnitThroughTheUtunControlAndSetsTheMtu() throws Exception {
        try (UtunDevice tun = UtunDevice.open(kernel, () -> kernel.errno, "utun5", 1380)) {
            assertThat(kernel.connected.sc_unit).as("utun5 is unit 6").isEqualTo(6);
            assertThat(kernel.connected.sc_id).isEqualTo(FakeDarwinLibc.CTL_ID);
            assertThat(kernel.connected.sc_family).isEqualTo((byte) DarwinLibc.AF_SYSTEM);
            assertThat(kernel.connected.ss_sysaddr).isEqualTo((short) DarwinLibc.AF_SYS_CONTROL);
            assertThat(kernel.connected.sc_len).isEqualTo((byte) 32);
            assertThat(tun.name()).isEqualTo("utun5");
            assertThat(kernel.mtuInterface).isEqualTo("utun5");
            assertThat(kernel.mtu).isEqualTo(1380);
        }
    }

    @Test
    void anEmptyNameLetsTheKernelPickTheUnit() throws Exception {
        try (UtunDevice tun = UtunDevice.open(kernel, () -> kernel.errno, "", 1400)) {
            assertThat(kernel.connected.sc_unit).isZero();
            assertThat(tun.name()).isEqualTo("utun4");
        }
    }

    @Test
    void namesOtherThanUtunNAreRejected() {
        assertThatThrownBy(() -> UtunDevice.open(kernel, () -> kernel.errno, "braid0", 1400)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("utunN");
    }

    @Test
    void aFailedConnectNamesTheCallAndErrnoAndClosesTheSocket() {
        kernel.failConnectWith = 16;
        assertThatThrownBy(() -> UtunDevice.open(kernel, () -> kernel.errno, "utun2", 1400))
                .isInstanceOfSatisfying(NativeCallException.class, e -> {
                    assertThat(e.call()).isEqualTo("connect(utun unit 3)");
                    assertThat(e.errorCode()).isEqualTo(16);
                    assertThat(e.getMessage()).contains("EBUSY");
                });
        assertThat(kernel.closed).contains(FakeDarwinLibc.CONTROL_FD);
    }

    @Test
    void readsStripTheAddressFamilyHeaderAndWritesAddTheRightOne() throws Exception {
        try (UtunDevice tun = UtunDevice.open(kernel, () -> kernel.errno, "utun3", 1400)) {
            byte[] ipv4 = {0x45, 0, 0, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
            byte[] withHeader = new byte[24];
            withHeader[3] = DarwinLibc.AF_INET;
            System.arraycopy(ipv4, 0, withHeader, 4, 20);
            kernel.deliver(withHeader);

            ByteBuffer in = ByteBuffer.allocateDirect(2000);
            in.position(100);
            assertThat(tun.read(in)).isEqualTo(20);
            byte[] got = new byte[20];
            in.get(100, got);
            assertThat(got).isEqualTo(ipv4);
            assertThat(in.position()).isEqualTo(120);

            ByteBuffer v6 = ByteBuffer.allocateDirect(48);
            v6.put(0, (byte) 0x60).limit(48);
            assertThat(tun.write(v6)).isEqualTo(48);
            assertThat(kernel.written.getLast()).startsWith(0, 0, 0, DarwinLibc.AF_INET6, 0x60).hasSize(52);
            tun.write(ByteBuffer.allocateDirect(20).put(0, (byte) 0x45));
            assertThat(kernel.written.getLast()).startsWith(0, 0, 0, DarwinLibc.AF_INET, 0x45);
        }
    }

    @Test
    void closeWakesABlockedReaderAndReleasesEveryDescriptor() throws Exception {
        UtunDevice tun = UtunDevice.open(kernel, () -> kernel.errno, "utun3", 1400);
        BlockedReader reader = BlockedReader.start(tun);
        tun.close();
        assertThat(reader.outcome()).isInstanceOf(AsynchronousCloseException.class);
        assertThat(kernel.closed).contains(FakeDarwinLibc.CONTROL_FD, 20, 21);
    }
}
