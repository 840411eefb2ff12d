package io.braid.core.tun.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.braid.core.os.NativeCallException;

/**
 * The few libc calls Braid's Linux code needs, bound by JNA direct mapping (the fastest JNA
 * binding: no per-call reflection), plus {@link #check} helpers that turn a failure return into a
 * {@link NativeCallException} naming the call and errno. Pointers are passed as {@code long}
 * addresses so a direct buffer's position can be added without allocating a Pointer per packet.
 */
public final class LinuxLibc {
    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private LinuxLibc() {}

    public static final int O_RDWR = 2;
    public static final int O_RDONLY = 0;
    public static final int O_NONBLOCK = 0x800;
    public static final int O_CLOEXEC = 0x80000;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;
    public static final int AF_INET = 2;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_BINDTODEVICE = 25;
    public static final int CLONE_NEWNET = 0x40000000;

    public static native int open(String path, int flags);
    public static native int close(int fd);
    public static native long read(int fd, long buf, long count);
    public static native long write(int fd, long buf, long count);
    public static native int ioctl(int fd, long request, Pointer arg);
    public static native int poll(Pointer fds, long nfds, int timeoutMillis);
    public static native int eventfd(int initval, int flags);
    public static native int socket(int domain, int type, int protocol);
    public static native int setsockopt(int fd, int level, int option, Pointer value, int length);
    public static native int getsockname(int fd, Pointer addr, Pointer addrLen);
    public static native int setns(int fd, int nstype);
    public static native int getdtablesize();

    /** The errno of the last native call on this thread (JNA saves it right after the call). */
    public static int errno() {
        return Native.getLastError();
    }

    /** Returns {@code rc}, or throws naming {@code call} and errno when {@code rc} is negative. */
    public static int check(String call, int rc) throws NativeCallException {
        if (rc < 0) throw new NativeCallException(call, errno());
        return rc;
    }

    /** {@link #close} that reports but never throws: used on cleanup paths that must go on. */
    public static void closeQuietly(int fd) {
        if (fd >= 0) close(fd);
    }
}
