package io.braid.core.tun.macos;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The macOS libc calls behind utun and IP_BOUND_IF, as a JNA interface so tests substitute a fake
 * (see FakeDarwinLibc in the tests). Return values are raw; callers check every one of them.
 */
public interface DarwinLibc extends Library {
    int PF_SYSTEM = 32;
    int AF_SYSTEM = 32;
    int AF_INET = 2;
    int AF_INET6 = 30;
    int SOCK_DGRAM = 2;
    int SYSPROTO_CONTROL = 2;
    int AF_SYS_CONTROL = 2;
    int UTUN_OPT_IFNAME = 2;
    long CTLIOCGINFO = 0xc0644e03L; // _IOWR('N', 3, struct ctl_info)
    long SIOCSIFMTU = 0x80206934L; // _IOW('i', 52, struct ifreq)
    int F_GETFL = 3;
    int F_SETFL = 4;
    int F_SETFD = 2;
    int FD_CLOEXEC = 1;
    int O_NONBLOCK = 0x4;
    int EINTR = 4;
    int EAGAIN = 35;
    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    int IPPROTO_IP = 0;
    int IPPROTO_IPV6 = 41;
    int IP_BOUND_IF = 25;
    int IPV6_BOUND_IF = 125;

    /** Loads the real libc: only ever called on macOS. */
    static DarwinLibc load() {
        return Native.load("c", DarwinLibc.class);
    }

    int socket(int domain, int type, int protocol);

    int ioctl(int fd, long request, CtlInfo info);

    int ioctl(int fd, long request, Pointer arg);

    int connect(int fd, SockaddrCtl address, int length);

    int getsockopt(int fd, int level, int option, Pointer value, IntByReference length);

    int setsockopt(int fd, int level, int option, Pointer value, int length);

    int getsockname(int fd, Pointer address, IntByReference length);

    int fcntl(int fd, int command, int argument);

    int pipe(int[] fds);

    long readv(int fd, Pointer iov, int count);

    long writev(int fd, Pointer iov, int count);

    long write(int fd, Pointer buffer, long count);

    int poll(Pointer fds, int count, int timeoutMillis);

    int close(int fd);

    int if_nametoindex(String name);

    int getdtablesize();
}
