package io.braid.core.tun.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Wintun and the two Win32 events in miniature: a receive ring the test fills, a send ring it
 * inspects, last-error codes as wintun.dll sets them, and a wait that wakes on either event.
 */
class FakeWintun implements WintunLibrary, WindowsEvents {
    final Memory adapter = new Memory(8);
    final Memory session = new Memory(8);
    final Memory readEvent = new Memory(8);
    final Deque<byte[]> receiveRing = new ArrayDeque<>();
    final List<byte[]> sent = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<Pointer> signalled = new ArrayList<>();
    boolean adapterExists;
    boolean sendRingFull;
    boolean failStartSession;
    int released;
    int capacity;
    volatile int lastError;

    @Override
    public Pointer WintunCreateAdapter(WString name, WString tunnelType, Pointer requestedGuid) {
        calls.add("create " + name + " type " + tunnelType);
        return adapter;
    }

    @Override
    public Pointer WintunOpenAdapter(WString name) {
        calls.add("open " + name);
        if (!adapterExists) lastError = 2;
        return adapterExists ? adapter : null;
    }

    @Override
    public void WintunCloseAdapter(Pointer a) {
        calls.add("close adapter");
    }

    @Override
    public void WintunGetAdapterLUID(Pointer a, LongByReference luid) {
        luid.setValue(0x1234_0000_0005L);
    }

    @Override
    public int WintunGetRunningDriverVersion() {
        return 0xe;
    }

    @Override
    public Pointer WintunStartSession(Pointer a, int ringCapacity) {
        capacity = ringCapacity;
        if (failStartSession) {
            lastError = 5;
            return null;
        }
        return session;
    }

    @Override
    public void WintunEndSession(Pointer s) {
        calls.add("end session");
    }

    @Override
    public Pointer WintunGetReadWaitEvent(Pointer s) {
        return readEvent;
    }

    @Override
    public synchronized Pointer WintunReceivePacket(Pointer s, IntByReference size) {
        byte[] packet = receiveRing.poll();
        if (packet == null) {
            lastError = ERROR_NO_MORE_ITEMS;
            return null;
        }
        Memory m = new Memory(packet.length);
        m.write(0, packet, 0, packet.length);
        size.setValue(packet.length);
        return m;
    }

    @Override
    public synchronized void WintunReleaseReceivePacket(Pointer s, Pointer packet) {
        released++;
    }

    @Override
    public Pointer WintunAllocateSendPacket(Pointer s, int size) {
        if (sendRingFull) {
            lastError = ERROR_BUFFER_OVERFLOW;
            return null;
        }
        Memory m = new Memory(size);
        m.setInt(0, size); // remember the size in the slot itself for SendPacket
        return new SizedSlot(m, size);
    }

    @Override
    public void WintunSendPacket(Pointer s, Pointer packet) {
        SizedSlot slot = (SizedSlot) packet;
        sent.add(slot.getByteArray(0, slot.size));
    }

    synchronized void deliver(byte[] packet) {
        receiveRing.add(packet);
        notifyAll();
    }

    @Override
    public Pointer createEvent() {
        return new Memory(8);
    }

    @Override
    public synchronized void setEvent(Pointer event) {
        signalled.add(event);
        notifyAll();
    }

    @Override
    public synchronized int waitAny(Pointer[] handles) {
        while (true) {
            if (!receiveRing.isEmpty()) return 0;
            for (int i = 0; i < handles.length; i++) {
                if (signalled.contains(handles[i])) return i;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                return -1;
            }
        }
    }

    @Override
    public void closeHandle(Pointer handle) {
        calls.add("close handle");
    }

    @Override
    public int lastError() {
        return lastError;
    }

    /** A send slot that knows its size, as Wintun's ring does. */
    static final class SizedSlot extends Pointer {
        final int size;

        SizedSlot(Memory backing, int size) {
            super(Pointer.nativeValue(backing));
            this.size = size;
            this.backing = backing;
        }

        @SuppressWarnings("unused")
        private final Memory backing;
    }
}
