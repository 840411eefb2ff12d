package io.braid.core.engine;

import io.braid.core.control.ControlFrames;
import io.braid.core.control.ControlMessage;
import io.braid.core.crypto.KeySchedule;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSocket;

/**
 * One TLS 1.3 control connection (either end): framed messages and data frames in both directions,
 * writes serialised by a lock, and the keying-material exporter the data keys are derived from.
 */
public final class ControlConnection implements AutoCloseable {
    private final SSLSocket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ByteBuffer dataBuffer = ByteBuffer.allocate(DataSession.MAX_DATAGRAM);

    public ControlConnection(SSLSocket socket) throws IOException {
        this.socket = socket;
        this.in = ControlFrames.input(socket.getInputStream());
        this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    public SSLSocket socket() {
        return socket;
    }

    public void send(ControlMessage message) throws IOException {
        byte[] frame = ControlFrames.encode(message);
        writeLock.lock();
        try {
            out.write(frame);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    public void sendData(ByteBuffer datagram) throws IOException {
        writeLock.lock();
        try {
            ControlFrames.writeData(out, datagram);
        } finally {
            writeLock.unlock();
        }
    }

    /** The next frame, or null at end of stream; data frames reuse one buffer (valid until the next read). */
    public ControlFrames.Frame read() throws IOException {
        return ControlFrames.read(in, dataBuffer);
    }

    /** Reads one message within {@code timeoutMillis} (the handshake); data frames are not expected then. */
    public ControlMessage readMessage(int timeoutMillis) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(timeoutMillis);
        try {
            ControlFrames.Frame f = read();
            if (f == null) {
                throw new java.io.EOFException("the peer closed the control connection");
            }
            if (f.message() == null) {
                throw new ControlFrames.ProtocolException("data before the session was set up");
            }
            return f.message();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no answer on the control connection within " + timeoutMillis + " ms");
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    /** The TLS exporter secret for a session (RFC 8446 7.5), the data keys' root. */
    public byte[] exporter(int sessionId) throws IOException {
        try {
            return ((ExtendedSSLSession) socket.getSession()).exportKeyingMaterialData(KeySchedule.EXPORTER_LABEL,
                    KeySchedule.exporterContext(sessionId), KeySchedule.EXPORTER_BYTES);
        } catch (javax.net.ssl.SSLKeyException e) {
            throw new IOException("TLS exporter unavailable: " + e.getMessage(), e);
        }
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
