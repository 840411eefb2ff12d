package io.braid.core.tun.windows;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.win32.W32APIOptions;

/**
 * Braid's binding of wintun.dll (the API of wintun.h, version 0.14). Handles are opaque pointers;
 * functions that fail return NULL and set the thread's last error. The Windows installer ships
 * wintun.dll next to Braid's launcher; {@code -Dbraid.wintun.dir=...} points elsewhere.
 */
public interface WintunLibrary extends Library {
    int ERROR_HANDLE_EOF = 38;
    int ERROR_NO_MORE_ITEMS = 259;
    int ERROR_BUFFER_OVERFLOW = 111;
    int ERROR_INVALID_DATA = 13;

    static WintunLibrary load() {
        String dir = System.getProperty("braid.wintun.dir");
        String library = dir == null ? "wintun" : dir + "\\wintun.dll";
        return Native.load(library, WintunLibrary.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    Pointer WintunCreateAdapter(WString name, WString tunnelType, Pointer requestedGuid);

    Pointer WintunOpenAdapter(WString name);

    void WintunCloseAdapter(Pointer adapter);

    void WintunGetAdapterLUID(Pointer adapter, LongByReference luid);

    int WintunGetRunningDriverVersion();

    Pointer WintunStartSession(Pointer adapter, int capacity);

    void WintunEndSession(Pointer session);

    Pointer WintunGetReadWaitEvent(Pointer session);

    Pointer WintunReceivePacket(Pointer session, IntByReference packetSize);

    void WintunReleaseReceivePacket(Pointer session, Pointer packet);

    Pointer WintunAllocateSendPacket(Pointer session, int packetSize);

    void WintunSendPacket(Pointer session, Pointer packet);
}
