package io.braid.core.tun.windows;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import io.braid.core.os.NativeCallException;
import io.braid.core.os.ShutdownCloser;
import io.braid.core.tun.CloseGate;
import io.braid.core.tun.TunBuffers;
import io.braid.core.tun.TunDevice;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows TUN through Wintun: an adapter (opened if it exists, else created) and a session whose
 * shared-memory rings carry the packets. Reading takes a packet from the receive ring, copies it
 * into the caller's buffer and releases it; writing allocates room in the send ring, copies and
 * sends. When the ring is empty the reader waits on Wintun's read event and Braid's own close
 * event together, so {@link #close()} wakes it. Packets are bare IP, as on the other OSes.
 *
 * <p>Wintun has no MTU call: the network configurator sets it (netsh) with the addresses.
 */
public final class WintunDevice implements TunDevice {
    private static final Logger log = LoggerFactory.getLogger(WintunDevice.class);
    /** Ring capacity: 4 MiB, a power of two between Wintun's 128 KiB and 64 MiB. */
    static final int RING_CAPACITY = 0x400000;
    static final String TUNNEL_TYPE = "Braid";

    private final WintunLibrary wintun;
    private final WindowsEvents events;
    private final Pointer adapter;
    private final Pointer session;
    private final Pointer readEvent;
    private final Pointer closeEvent;
    private final String name;
    private final int mtu;
    private final CloseGate gate = new CloseGate();
    private final IntByReference receivedSize = new IntByReference();

    private WintunDevice(WintunLibrary wintun, WindowsEvents events, Pointer adapter, Pointer session, Pointer readEvent, Pointer closeEvent, String name, int mtu) {
        this.wintun = wintun;
        this.events = events;
        this.adapter = adapter;
        this.session = session;
        this.readEvent = readEvent;
        this.closeEvent = closeEvent;
        this.name = name;
        this.mtu = mtu;
    }

    public static WintunDevice open(String name, int mtu) throws IOException {
        return open(WintunLibrary.load(), WindowsEvents.kernel32(), name, mtu);
    }

    /** Opens through the given bindings (fakes in tests). */
    public static WintunDevice open(WintunLibrary wintun, WindowsEvents events, String name, int mtu) throws IOException {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a Wintun adapter needs a name");
        Pointer adapter = wintun.WintunOpenAdapter(new WString(name));
        if (adapter == null) {
            adapter = wintun.WintunCreateAdapter(new WString(name), new WString(TUNNEL_TYPE), null);
            if (adapter == null) throw new NativeCallException("WintunCreateAdapter(" + name + ")", events.lastError());
        }
        Pointer session = null;
        try {
            session = wintun.WintunStartSession(adapter, RING_CAPACITY);
            if (session == null) throw new NativeCallException("WintunStartSession(" + name + ")", events.lastError());
            Pointer readEvent = wintun.WintunGetReadWaitEvent(session);
            if (readEvent == null) throw new NativeCallException("WintunGetReadWaitEvent(" + name + ")", events.lastError());
            return new WintunDevice(wintun, events, adapter, session, readEvent, events.createEvent(), name, mtu);
        } catch (IOException | RuntimeException e) {
            if (session != null) wintun.WintunEndSession(session);
            wintun.WintunCloseAdapter(adapter);
            throw e;
        }
    }

    /** The adapter's LUID: what the IP Helper API identifies the interface by. */
    public long luid() {
        LongByReference luid = new LongByReference();
        wintun.WintunGetAdapterLUID(adapter, luid);
        return luid.getValue();
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
                Pointer received;
                int size;
                synchronized (receivedSize) { // one reader at a time may use the shared size holder
                    received = wintun.WintunReceivePacket(session, receivedSize);
                    size = receivedSize.getValue();
                }
                if (received != null) {
                    try {
                        packet.put(received.getByteBuffer(0, size));
                    } finally {
                        wintun.WintunReleaseReceivePacket(session, received);
                    }
                    return size;
                }
                int error = events.lastError();
                if (error != WintunLibrary.ERROR_NO_MORE_ITEMS) throw new NativeCallException("WintunReceivePacket(" + name + ")", error);
                if (events.waitAny(new Pointer[] {readEvent, closeEvent}) != 0 || gate.isClosing()) throw new AsynchronousCloseException();
            }
        } finally {
            gate.exit();
        }
    }

    /**
     * Sends one packet. A full send ring (ERROR_BUFFER_OVERFLOW) drops the packet, as a full
     * interface queue would: the buffer is consumed and 0 returned.
     */
    @Override
    public int write(ByteBuffer packet) throws IOException {
        int length = packet.remaining();
        gate.enter();
        try {
            Pointer slot = wintun.WintunAllocateSendPacket(session, length);
            if (slot == null) {
                int error = events.lastError();
                if (error != WintunLibrary.ERROR_BUFFER_OVERFLOW) throw new NativeCallException("WintunAllocateSendPacket(" + name + ")", error);
                log.debug("send ring of {} full: packet dropped", name);
                packet.position(packet.limit());
                return 0;
            }
            slot.getByteBuffer(0, length).put(packet);
            wintun.WintunSendPacket(session, slot);
            return length;
        } finally {
            gate.exit();
        }
    }

    @Override
    public boolean isOpen() {
        return !gate.isClosing();
    }

    @Override
    public void close() throws IOException {
        if (!gate.startClose()) return;
        try {
            events.setEvent(closeEvent);
        } finally {
            gate.awaitIdle();
            wintun.WintunEndSession(session);
            wintun.WintunCloseAdapter(adapter); // also removes an adapter this process created
            events.closeHandle(closeEvent);
            ShutdownCloser.unregister(this);
        }
    }

    @Override
    public String toString() {
        return "WintunDevice[" + name + ", mtu " + mtu + "]";
    }
}
