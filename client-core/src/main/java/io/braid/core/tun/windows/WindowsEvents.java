package io.braid.core.tun.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import io.braid.core.os.NativeCallException;

/** The Win32 event calls the Wintun device waits with, behind an interface so tests can fake them. */
public interface WindowsEvents {
    int WAIT_OBJECT_0 = 0;

    /** A manual-reset event, initially not signalled. */
    Pointer createEvent() throws NativeCallException;

    void setEvent(Pointer event) throws NativeCallException;

    /** Waits until one of the handles is signalled; returns its index. */
    int waitAny(Pointer[] handles) throws NativeCallException;

    void closeHandle(Pointer handle);

    /** GetLastError() of the calling thread (as JNA saved it after the last call). */
    int lastError();

    /** The real Kernel32 calls. */
    static WindowsEvents kernel32() {
        Kernel32 k = Kernel32.INSTANCE;
        return new WindowsEvents() {
            @Override
            public Pointer createEvent() throws NativeCallException {
                WinNT.HANDLE h = k.CreateEvent(null, true, false, null);
                if (h == null) throw new NativeCallException("CreateEvent", Native.getLastError());
                return h.getPointer();
            }

            @Override
            public void setEvent(Pointer event) throws NativeCallException {
                if (!k.SetEvent(new WinNT.HANDLE(event))) throw new NativeCallException("SetEvent", Native.getLastError());
            }

            @Override
            public int waitAny(Pointer[] handles) throws NativeCallException {
                WinNT.HANDLE[] hs = new WinNT.HANDLE[handles.length];
                for (int i = 0; i < handles.length; i++) hs[i] = new WinNT.HANDLE(handles[i]);
                int rc = k.WaitForMultipleObjects(hs.length, hs, false, WinBase.INFINITE);
                if (rc == WinBase.WAIT_FAILED) throw new NativeCallException("WaitForMultipleObjects", Native.getLastError());
                return rc - WAIT_OBJECT_0;
            }

            @Override
            public void closeHandle(Pointer handle) {
                k.CloseHandle(new WinNT.HANDLE(handle));
            }

            @Override
            public int lastError() {
                return Native.getLastError();
            }
        };
    }
}
