package io.braid.core.tun.macos;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A macOS kernel in miniature for utun: one control socket (fd 10) whose inbound packets the test
 * queues (header included, as the kernel sends them), a wake pipe (20, 21) and a record of every
 * call that matters. Calls fail like the kernel does: return -1 and leave {@link #errno}.
 */
public class FakeDarwinLibc implements DarwinLibc {
    static final int CONTROL_FD = 10;
    static final int CTL_ID = 77;

    public volatile int errno;
    int failConnectWith;
    final Deque<byte[]> inbound = new ArrayDeque<>();
    final List<byte[]> written = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();
    public final List<Integer> boundInterfaceOptions = new ArrayList<>();
    SockaddrCtl connected;
    String mtuInterface;
    int mtu;
    boolean woken;
    int nextSocket = 11;

    @Override
    public int socket(int domain, int type, int protocol) {
        return domain == PF_SYSTEM && protocol == SYSPROTO_CONTROL ? CONTROL_FD : nextSocket++;
    }

    @Override
    public int ioctl(int fd, long request, CtlInfo info) {
        if (request != CTLIOCGINFO || !info.name().equals(UtunDevice.CONTROL_NAME)) return fail(22);
        info.ctl_id = CTL_ID;
        return 0;
    }

    @Override
    public int ioctl(int fd, long request, Pointer arg) {
        if (request != SIOCSIFMTU) return fail(22);
        mtuInterface = arg.getString(0, "US-ASCII");
        mtu = arg.getInt(16);
        return 0;
    }

    @Override
    public int connect(int fd, SockaddrCtl address, int length) {
        if (failConnectWith != 0) return fail(failConnectWith);
        connected = address;
        return length == 32 ? 0 : fail(22);
    }

    @Override
    public int getsockopt(int fd, int level, int option, Pointer value, IntByReference length) {
        if (level != SYSPROTO_CONTROL || option != UTUN_OPT_IFNAME) return fail(22);
        int unit = connected.sc_unit == 0 ? 4 : connected.sc_unit - 1;
        value.setString(0, "utun" + unit, "US-ASCII");
        return 0;
    }

    @Override
    public int setsockopt(int fd, int level, int option, Pointer value, int length) {
        boundInterfaceOptions.add(level * 1000 + option);
        boundInterfaceOptions.add(value.getInt(0));
        return 0;
    }

    @Override
    public int getsockname(int fd, Pointer address, IntByReference length) {
        return fail(38); // ENOTSOCK: overridden where a test needs sockets
    }

    @Override
    public int fcntl(int fd, int command, int argument) {
        return 0;
    }

    @Override
    public int pipe(int[] fds) {
        fds[0] = 20;
        fds[1] = 21;
        return 0;
    }

    @Override
    public synchronized long readv(int fd, Pointer iov, int count) {
        byte[] packet = inbound.poll();
        if (packet == null) return fail(EAGAIN);
        iov.getPointer(0).write(0, packet, 0, 4);
        int body = (int) Math.min(packet.length - 4, iov.getLong(24));
        iov.getPointer(16).write(0, packet, 4, body);
        return 4 + body;
    }

    @Override
    public synchronized long writev(int fd, Pointer iov, int count) {
        int body = (int) iov.getLong(24);
        byte[] packet = new byte[4 + body];
        iov.getPointer(0).read(0, packet, 0, 4);
        iov.getPointer(16).read(0, packet, 4, body);
        written.add(packet);
        return packet.length;
    }

    @Override
    public synchronized long write(int fd, Pointer buffer, long count) {
        if (fd == 21) {
            woken = true;
            notifyAll();
        }
        return count;
    }

    @Override
    public synchronized int poll(Pointer fds, int count, int timeoutMillis) {
        while (!woken && inbound.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                return fail(EINTR);
            }
        }
        if (woken) fds.setShort(14, POLLIN);
        else fds.setShort(6, POLLIN);
        return 1;
    }

    synchronized void deliver(byte[] packetWithHeader) {
        inbound.add(packetWithHeader);
        notifyAll();
    }

    @Override
    public int close(int fd) {
        closed.add(fd);
        return 0;
    }

    @Override
    public int if_nametoindex(String name) {
        return name.equals("en1") ? 9 : 0;
    }

    @Override
    public int getdtablesize() {
        return 64;
    }

    public int fail(int code) {
        errno = code;
        return -1;
    }
}
