package io.braid.core.tun.linux;

import static io.braid.core.tun.linux.LinuxLibc.EAGAIN;
import static io.braid.core.tun.linux.LinuxLibc.EINTR;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.braid.core.os.NativeCallException;
import io.braid.core.tun.CloseGate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;

/**
 * A non-blocking descriptor whose reads and writes block in poll(2) alongside an eventfd, so that
 * {@link #close()} from another thread wakes a blocked reader at once. The fast path is one
 * read(2)/write(2) per packet; poll(2) is only entered when the descriptor has nothing to give.
 */
final class PollableFd {
    private final int fd;
    private final int wakeFd;
    private final String label;
    private final CloseGate gate = new CloseGate();
    // One cache per direction: the engine's reader and writer threads each reuse their own buffer.
    private final BufferAddress readBuffer = new BufferAddress();
    private final BufferAddress writeBuffer = new BufferAddress();

    PollableFd(int fd, String label) throws NativeCallException {
        this.fd = fd;
        this.label = label;
        // EFD_NONBLOCK | EFD_CLOEXEC: written once at close and never read, so it stays readable.
        this.wakeFd = LinuxLibc.check("eventfd(" + label + ")", LinuxLibc.eventfd(0, LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC));
    }

    int read(ByteBuffer dst) throws IOException {
        gate.enter();
        try {
            long address = readBuffer.address(dst) + dst.position();
            while (true) {
                long n = LinuxLibc.read(fd, address, dst.remaining());
                if (n >= 0) {
                    dst.position(dst.position() + (int) n);
                    return (int) n;
                }
                handleError("read(" + label + ")", LinuxLibc.POLLIN);
            }
        } finally {
            gate.exit();
        }
    }

    int write(ByteBuffer src) throws IOException {
        gate.enter();
        try {
            long address = writeBuffer.address(src) + src.position();
            while (true) {
                long n = LinuxLibc.write(fd, address, src.remaining());
                if (n >= 0) {
                    src.position(src.position() + (int) n);
                    return (int) n;
                }
                handleError("write(" + label + ")", LinuxLibc.POLLOUT);
            }
        } finally {
            gate.exit();
        }
    }

    boolean isOpen() {
        return !gate.isClosing();
    }

    void close() {
        if (!gate.startClose()) return;
        try (Memory one = new Memory(8)) {
            one.setLong(0, 1);
            LinuxLibc.write(wakeFd, Pointer.nativeValue(one), 8);
        }
        gate.awaitIdle();
        LinuxLibc.closeQuietly(fd);
        LinuxLibc.closeQuietly(wakeFd);
    }

    /** EAGAIN: wait in poll; EINTR: retry; anything else is a real failure. */
    private void handleError(String call, short events) throws IOException {
        int errno = LinuxLibc.errno();
        if (errno == EINTR) return;
        if (errno != EAGAIN) throw new NativeCallException(call, errno);
        awaitReady(events);
    }

    private void awaitReady(short events) throws IOException {
        try (Memory fds = new Memory(16)) { // two struct pollfd {int fd; short events; short revents;}
            fds.setInt(0, fd);
            fds.setShort(4, events);
            fds.setShort(6, (short) 0);
            fds.setInt(8, wakeFd);
            fds.setShort(12, LinuxLibc.POLLIN);
            fds.setShort(14, (short) 0);
            int rc = LinuxLibc.poll(fds, 2, -1);
            if (rc < 0 && LinuxLibc.errno() != EINTR) throw new NativeCallException("poll(" + label + ")", LinuxLibc.errno());
            if (gate.isClosing() || fds.getShort(14) != 0) throw new AsynchronousCloseException();
        }
    }

    /**
     * The native address of the last buffer used, looked up again only when the caller switches
     * buffers: callers reuse buffers, and the lookup (a JNI call and a Pointer) costs per packet.
     */
    private static final class BufferAddress {
        private ByteBuffer buffer;
        private long address;

        long address(ByteBuffer b) {
            if (b != buffer) {
                if (!b.isDirect()) throw new IllegalArgumentException("TUN I/O needs a direct ByteBuffer");
                address = Pointer.nativeValue(Native.getDirectBufferPointer(b));
                buffer = b;
            }
            return address;
        }
    }
}
