package io.braid.core.tun.macos;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.braid.core.os.NativeCallException;
import io.braid.core.os.ShutdownCloser;
import io.braid.core.tun.CloseGate;
import io.braid.core.tun.TunBuffers;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.util.function.IntSupplier;

/**
 * macOS utun: a PF_SYSTEM control socket connected to {@code com.apple.net.utun_control}. Every
 * packet on the socket starts with a 4-byte address family (AF_INET or AF_INET6, network order);
 * this class adds it on write and strips it on read with readv/writev, so the caller's buffer
 * holds just the IP packet and nothing is copied. Reads block in poll(2) next to a pipe that
 * {@link #close()} writes, so a blocked reader wakes at once.
 */
public final class UtunDevice implements TunDevice {
    static final String CONTROL_NAME = "com.apple.net.utun_control";
    private static final int HEADER = 4;

    private final DarwinLibc libc;
    private final IntSupplier errno;
    private final int fd;
    private final int wakeRead;
    private final int wakeWrite;
    private final String name;
    private final int mtu;
    private final CloseGate gate = new CloseGate();
    private final Io reader;
    private final Io writer;

    private UtunDevice(DarwinLibc libc, IntSupplier errno, int fd, int[] wake, String name, int mtu) {
        this.libc = libc;
        this.errno = errno;
        this.fd = fd;
        this.wakeRead = wake[0];
        this.wakeWrite = wake[1];
        this.name = name;
        this.mtu = mtu;
        this.reader = new Io();
        this.writer = new Io();
    }

    /** Opens {@code utunN} ({@code name} "utunN") or the next free utun (empty name) with the real libc. */
    public static UtunDevice open(String name, int mtu) throws IOException {
        return open(DarwinLibc.load(), Native::getLastError, name, mtu);
    }

    /** Opens through the given libc (a fake in tests); {@code errno} reads the error of the last call. */
    public static UtunDevice open(DarwinLibc libc, IntSupplier errno, String name, int mtu) throws IOException {
        int unit = unitFor(name);
        int fd = check(errno, "socket(PF_SYSTEM, SYSPROTO_CONTROL)", libc.socket(DarwinLibc.PF_SYSTEM, DarwinLibc.SOCK_DGRAM, DarwinLibc.SYSPROTO_CONTROL));
        int[] wake = {-1, -1};
        try {
            CtlInfo info = new CtlInfo(CONTROL_NAME);
            check(errno, "ioctl(CTLIOCGINFO, " + CONTROL_NAME + ")", libc.ioctl(fd, DarwinLibc.CTLIOCGINFO, info));
            SockaddrCtl address = new SockaddrCtl();
            address.sc_len = (byte) address.size();
            address.sc_family = (byte) DarwinLibc.AF_SYSTEM;
            address.ss_sysaddr = (short) DarwinLibc.AF_SYS_CONTROL;
            address.sc_id = info.ctl_id;
            address.sc_unit = unit;
            check(errno, "connect(utun unit " + unit + ")", libc.connect(fd, address, address.size()));
            String actual = interfaceName(libc, errno, fd);
            nonBlocking(libc, errno, fd);
            check(errno, "pipe()", libc.pipe(wake));
            nonBlocking(libc, errno, wake[0]);
            nonBlocking(libc, errno, wake[1]);
            setMtu(libc, errno, actual, mtu);
            return new UtunDevice(libc, errno, fd, wake, actual, mtu);
        } catch (IOException | RuntimeException e) {
            for (int d : new int[] {fd, wake[0], wake[1]}) {
                if (d >= 0) libc.close(d);
            }
            throw e;
        }
    }

    /** "utun7" is unit 8 for the kernel (0 means "any free one"). */
    static int unitFor(String name) {
        if (name == null || name.isEmpty()) return 0;
        if (!name.matches("utun\\d{1,4}")) throw new IllegalArgumentException("a macOS tunnel is named utunN, not '" + name + "'");
        return Integer.parseInt(name.substring(4)) + 1;
    }

    private static String interfaceName(DarwinLibc libc, IntSupplier errno, int fd) throws NativeCallException {
        try (Memory value = new Memory(32)) {
            value.clear();
            IntByReference length = new IntByReference(32);
            check(errno, "getsockopt(UTUN_OPT_IFNAME)", libc.getsockopt(fd, DarwinLibc.SYSPROTO_CONTROL, DarwinLibc.UTUN_OPT_IFNAME, value, length));
            return value.getString(0, "US-ASCII");
        }
    }

    private static void nonBlocking(DarwinLibc libc, IntSupplier errno, int fd) throws NativeCallException {
        int flags = check(errno, "fcntl(F_GETFL)", libc.fcntl(fd, DarwinLibc.F_GETFL, 0));
        check(errno, "fcntl(F_SETFL, O_NONBLOCK)", libc.fcntl(fd, DarwinLibc.F_SETFL, flags | DarwinLibc.O_NONBLOCK));
        check(errno, "fcntl(F_SETFD, FD_CLOEXEC)", libc.fcntl(fd, DarwinLibc.F_SETFD, DarwinLibc.FD_CLOEXEC));
    }

    /** SIOCSIFMTU on a throwaway AF_INET socket; {@code struct ifreq} is 32 bytes on macOS, MTU at offset 16. */
    private static void setMtu(DarwinLibc libc, IntSupplier errno, String name, int mtu) throws NativeCallException {
        int sock = check(errno, "socket(AF_INET)", libc.socket(DarwinLibc.AF_INET, DarwinLibc.SOCK_DGRAM, 0));
        try (Memory ifreq = new Memory(32)) {
            ifreq.clear();
            ifreq.setString(0, name, "US-ASCII");
            ifreq.setInt(16, mtu);
            check(errno, "ioctl(SIOCSIFMTU, " + name + ", " + mtu + ")", libc.ioctl(sock, DarwinLibc.SIOCSIFMTU, ifreq));
        } finally {
            libc.close(sock);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int read(ByteBuffer packet) throws IOException {
        TunBuffers.requireRoomForMtu(packet, mtu);
        gate.enter();
        try {
            while (true) {
                long n = libc.readv(fd, reader.point(packet, packet.remaining()), 2);
                if (n >= HEADER) {
                    packet.position(packet.position() + (int) n - HEADER);
                    return (int) n - HEADER;
                }
                if (n >= 0) continue; // a runt without a full header: nothing to deliver
                awaitOrFail("readv(" + name + ")", DarwinLibc.POLLIN);
            }
        } finally {
            gate.exit();
        }
    }

    @Override
    public int write(ByteBuffer packet) throws IOException {
        int length = packet.remaining();
        if (length == 0) return 0;
        int version = (packet.get(packet.position()) & 0xff) >> 4;
        if (version != 4 && version != 6) throw new IllegalArgumentException("not an IP packet (version " + version + ")");
        gate.enter();
        try {
            Pointer iov = writer.point(packet, length);
            writer.header.setInt(0, toNetworkOrder(version == 4 ? DarwinLibc.AF_INET : DarwinLibc.AF_INET6));
            while (true) {
                long n = libc.writev(fd, iov, 2);
                if (n >= 0) {
                    packet.position(packet.limit());
                    return length;
                }
                awaitOrFail("writev(" + name + ")", DarwinLibc.POLLOUT);
            }
        } finally {
            gate.exit();
        }
    }

    /** The header's family as the kernel wants it: big-endian in native memory. */
    private static int toNetworkOrder(int family) {
        return java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN ? family : Integer.reverseBytes(family);
    }

    /** The address family of a packet read, from its header: for tests and diagnostics. */
    int lastReadFamily() {
        return toNetworkOrder(reader.header.getInt(0));
    }

    private void awaitOrFail(String call, short events) throws IOException {
        int error = errno.getAsInt();
        if (error == DarwinLibc.EINTR) return;
        if (error != DarwinLibc.EAGAIN) throw new NativeCallException(call, error);
        try (Memory fds = new Memory(16)) {
            fds.setInt(0, fd);
            fds.setShort(4, events);
            fds.setShort(6, (short) 0);
            fds.setInt(8, wakeRead);
            fds.setShort(12, DarwinLibc.POLLIN);
            fds.setShort(14, (short) 0);
            if (libc.poll(fds, 2, -1) < 0 && errno.getAsInt() != DarwinLibc.EINTR) throw new NativeCallException("poll(" + name + ")", errno.getAsInt());
            if (gate.isClosing() || fds.getShort(14) != 0) throw new AsynchronousCloseException();
        }
    }

    @Override
    public boolean isOpen() {
        return !gate.isClosing();
    }

    @Override
    public void close() {
        if (!gate.startClose()) return;
        try (Memory one = new Memory(1)) {
            one.setByte(0, (byte) 1);
            libc.write(wakeWrite, one, 1);
        }
        gate.awaitIdle();
        libc.close(fd);
        libc.close(wakeRead);
        libc.close(wakeWrite);
        ShutdownCloser.unregister(this);
    }

    private static int check(IntSupplier errno, String call, int rc) throws NativeCallException {
        if (rc < 0) throw new NativeCallException(call, errno.getAsInt());
        return rc;
    }

    @Override
    public String toString() {
        return "UtunDevice[" + name + ", mtu " + mtu + "]";
    }

    /**
     * Two iovecs per direction, allocated once: [0] the 4-byte family header, [1] the caller's
     * buffer from its position. {@code struct iovec} is {void *base; size_t len}, 16 bytes.
     */
    private static final class Io {
        final Memory header = new Memory(HEADER);
        final Memory iov = new Memory(32);
        private ByteBuffer buffer;
        private long address;

        Io() {
            iov.setPointer(0, header);
            iov.setLong(8, HEADER);
        }

        Pointer point(ByteBuffer b, int length) {
            if (b != buffer) {
                if (!b.isDirect()) throw new IllegalArgumentException("TUN I/O needs a direct ByteBuffer");
                address = Pointer.nativeValue(Native.getDirectBufferPointer(b));
                buffer = b;
            }
            iov.setLong(16, address + b.position());
            iov.setLong(24, length);
            return iov;
        }
    }
}
