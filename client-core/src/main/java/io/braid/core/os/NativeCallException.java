package io.braid.core.os;

import java.io.IOException;

/**
 * A native call returned failure. Names the call (with its subject, e.g. the device) and the
 * OS error code (errno on Unix, GetLastError() on Windows) so a log line is enough to diagnose it.
 */
public class NativeCallException extends IOException {
    private final String call;
    private final int errorCode;

    public NativeCallException(String call, int errorCode) {
        super(call + " failed: error " + errorCode + describe(errorCode));
        this.call = call;
        this.errorCode = errorCode;
    }

    /** The call that failed, e.g. {@code ioctl(TUNSETIFF, braid0)}. */
    public String call() {
        return call;
    }

    /** errno (Unix) or the Win32 error code (Windows). */
    public int errorCode() {
        return errorCode;
    }

    // The few codes a user can act on get words; the rest are looked up with `errno N` or MSDN.
    private static String describe(int code) {
        return switch (code) {
            case 1 -> " (EPERM: operation not permitted, run as root or with CAP_NET_ADMIN)";
            case 2 -> " (ENOENT: no such file or device)";
            case 13 -> " (EACCES: permission denied)";
            case 16 -> " (EBUSY: device or resource busy, the name may be in use)";
            case 19 -> " (ENODEV: no such device, is the tun module loaded?)";
            case 22 -> " (EINVAL: invalid argument)";
            default -> "";
        };
    }
}
