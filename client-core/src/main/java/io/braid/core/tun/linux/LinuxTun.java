package io.braid.core.tun.linux;

import com.sun.jna.Memory;
import io.braid.core.os.NativeCallException;
import io.braid.core.os.ShutdownCloser;
import io.braid.core.tun.MultiQueueTun;
import io.braid.core.tun.TunBuffers;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Linux TUN through /dev/net/tun: {@code IFF_TUN | IFF_NO_PI}, so every read and write is exactly
 * one IP packet with no header. Opened with {@link #openMultiQueue} it also sets
 * {@code IFF_MULTI_QUEUE}, and {@link #openQueue()} attaches further queues to the same interface.
 *
 * <p>Room left for speed: IFF_VNET_HDR with TUNSETOFFLOAD (a virtio-net header in front of
 * coalesced TCP/UDP segments) would be one more capability interface next to {@link MultiQueueTun}.
 *
 * <p>Namespaces: the interface is created in the network namespace of the calling thread. Tests
 * open it on a thread that has entered the target namespace ({@code LinuxNetns.callIn}).
 */
public final class LinuxTun implements TunDevice, MultiQueueTun {
    static final long TUNSETIFF = 0x400454caL; // _IOW('T', 202, int)
    static final long SIOCSIFMTU = 0x8922;
    static final int IFF_TUN = 0x0001;
    static final int IFF_NO_PI = 0x1000;
    static final int IFF_MULTI_QUEUE = 0x0100;

    private final String name;
    private final int mtu;
    private final int flags;
    private final PollableFd io;

    private LinuxTun(String name, int mtu, int flags, int fd) throws NativeCallException {
        this.name = name;
        this.mtu = mtu;
        this.flags = flags;
        this.io = new PollableFd(fd, name);
    }

    /** Creates interface {@code name} (empty: the kernel picks tunN) with one queue and sets its MTU. */
    public static LinuxTun open(String name, int mtu) throws IOException {
        return openWithFlags(name, mtu, IFF_TUN | IFF_NO_PI);
    }

    /** Like {@link #open} with IFF_MULTI_QUEUE, so {@link #openQueue()} can add queues. */
    public static LinuxTun openMultiQueue(String name, int mtu) throws IOException {
        return openWithFlags(name, mtu, IFF_TUN | IFF_NO_PI | IFF_MULTI_QUEUE);
    }

    private static LinuxTun openWithFlags(String name, int mtu, int flags) throws IOException {
        LinuxTun tun = attach(name == null || name.isEmpty() ? "tun%d" : name, mtu, flags);
        try {
            setMtu(tun.name, mtu);
        } catch (IOException e) {
            tun.close();
            throw e;
        }
        return tun;
    }

    private static LinuxTun attach(String requestedName, int mtu, int flags) throws IOException {
        int fd = LinuxLibc.check("open(/dev/net/tun)", LinuxLibc.open("/dev/net/tun", LinuxLibc.O_RDWR | LinuxLibc.O_NONBLOCK | LinuxLibc.O_CLOEXEC));
        try {
            IfReq req = new IfReq(requestedName).flags(flags);
            LinuxLibc.check("ioctl(TUNSETIFF, " + requestedName + ")", LinuxLibc.ioctl(fd, TUNSETIFF, req.memory()));
            return new LinuxTun(req.name(), mtu, flags, fd);
        } catch (IOException | RuntimeException e) {
            LinuxLibc.closeQuietly(fd);
            throw e;
        }
    }

    /** SIOCSIFMTU on a throwaway datagram socket: the ioctl that `ip link set mtu` also uses. */
    static void setMtu(String name, int mtu) throws IOException {
        int sock = LinuxLibc.check("socket(AF_INET)", LinuxLibc.socket(LinuxLibc.AF_INET, LinuxLibc.SOCK_DGRAM | LinuxLibc.SOCK_CLOEXEC, 0));
        try {
            Memory req = new IfReq(name).intValue(mtu).memory();
            LinuxLibc.check("ioctl(SIOCSIFMTU, " + name + ", " + mtu + ")", LinuxLibc.ioctl(sock, SIOCSIFMTU, req));
        } finally {
            LinuxLibc.close(sock);
        }
    }

    @Override
    public TunDevice openQueue() throws IOException {
        if ((flags & IFF_MULTI_QUEUE) == 0) {
            throw new UnsupportedOperationException(name + " was opened without IFF_MULTI_QUEUE; use LinuxTun.openMultiQueue");
        }
        LinuxTun queue = attach(name, mtu, flags);
        ShutdownCloser.register(queue);
        return queue;
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
        return io.read(packet);
    }

    @Override
    public int write(ByteBuffer packet) throws IOException {
        return io.write(packet);
    }

    @Override
    public boolean isOpen() {
        return io.isOpen();
    }

    @Override
    public void close() {
        io.close();
        ShutdownCloser.unregister(this);
    }

    @Override
    public String toString() {
        return "LinuxTun[" + name + ", mtu " + mtu + "]";
    }
}
