package io.braid.core.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.protocol.CloseBody;
import io.braid.core.protocol.DataPlaneReceiver;
import io.braid.core.protocol.FecGroupDecoder;
import io.braid.core.protocol.HoldTimeEstimator;
import io.braid.core.protocol.PacketFlags;
import io.braid.core.protocol.PacketHeader;
import io.braid.core.protocol.PacketType;
import io.braid.core.protocol.PathFeedbackBody;
import io.braid.core.protocol.PathHelloBody;
import io.braid.core.protocol.PathReceiveStats;
import io.braid.core.protocol.ProbeAckBody;
import io.braid.core.protocol.ProbeBody;
import io.braid.core.protocol.Reassembler;
import io.braid.core.protocol.RekeyPolicy;
import io.braid.core.protocol.ReorderBuffer;
import io.braid.core.protocol.SealResult;
import io.braid.core.protocol.SessionCrypto;
import io.braid.core.testing.SessionPair;
import java.nio.ByteBuffer;

/**
 * The fuzz targets of the wire parsers, shared by the Jazzer {@code @FuzzTest}s and the seeded
 * random run of every build. Each one states the invariant a hostile input must not break: no
 * exception escapes, every datagram is consumed, every rejection is counted.
 */
public final class ProtocolFuzzTargets {
    private static final long MS = 1_000_000L;
    private static final int MAX_PAYLOAD = 2048;

    private ProtocolFuzzTargets() {}

    /** A fresh receive pipeline around {@code crypto}, expecting {@code firstCounter} next. */
    static DataPlaneReceiver receiver(SessionCrypto crypto, long firstCounter) {
        return new DataPlaneReceiver(crypto,
                new ReorderBuffer(64, MAX_PAYLOAD, new HoldTimeEstimator(MS, 5 * MS, 50 * MS), firstCounter),
                new Reassembler(4, MAX_PAYLOAD, 100 * MS),
                new FecGroupDecoder(64, 4, MAX_PAYLOAD, 100 * MS),
                new PathReceiveStats(8),
                (counter, packet) -> assertThat(packet.remaining()).isLessThanOrEqualTo(0xFFFF),
                (header, body, now) -> parseControl(header.type(), body));
    }

    static SessionPair pair() {
        return new SessionPair(AeadAlgorithm.CHACHA20_POLY1305, RekeyPolicy.DEFAULT, MAX_PAYLOAD, 0);
    }

    /**
     * An unauthenticated attacker's datagram (possibly a GRO buffer of several): every packet is
     * consumed and dropped with a counted reason, nothing is accepted, nothing throws.
     * With {@code mutateValid}, the input is sealed as a real packet of the peer and one byte
     * of it is flipped, which reaches past the header checks to the AEAD.
     */
    public static void unauthenticatedDatagram(SessionPair pair, byte[] data, boolean mutateValid) {
        DataPlaneReceiver rx = receiver(pair.headend, pair.client.nextCounter());
        ByteBuffer buf;
        if (mutateValid && data.length > 0) {
            // Start from a real packet and flip the fuzzer's bytes into it: reaches past the header checks.
            int bodyLength = Math.min(data.length, MAX_PAYLOAD);
            ByteBuffer valid = ByteBuffer.allocate(PacketHeader.OVERHEAD + bodyLength);
            assertThat(pair.client.seal(ByteBuffer.wrap(data, 0, bodyLength), valid, PacketType.DATA, 0, 0))
                    .isEqualTo(SealResult.OK);
            valid.flip();
            int at = (data[0] & 0xFF) % valid.remaining();
            valid.put(at, (byte) (valid.get(at) ^ (data.length > 1 && data[1] != 0 ? data[1] : 1)));
            buf = valid;
        } else {
            buf = ByteBuffer.wrap(data);
        }
        long dropsBefore = rx.drops().total();
        int packets = 0;
        while (buf.hasRemaining()) {
            int before = buf.position();
            assertThat(rx.receive(buf, 0)).as("a forged or garbled packet was accepted").isFalse();
            assertThat(buf.position()).as("receive must consume").isGreaterThan(before);
            packets++;
        }
        assertThat(rx.drops().total() - dropsBefore).as("each rejection is counted").isEqualTo(packets);
    }

    /**
     * An authenticated but hostile peer: any type, flags and body it likes, sealed with the real
     * keys. The receiver must take each packet in (authenticated) and survive its body. The pair
     * may be shared between inputs (its counter just runs on); the pipeline behind it is fresh.
     */
    public static void authenticatedHostileBodies(SessionPair pair, FuzzInput in) {
        DataPlaneReceiver rx = receiver(pair.headend, pair.client.nextCounter());
        ByteBuffer wire = ByteBuffer.allocate(MAX_PAYLOAD + PacketHeader.OVERHEAD);
        int packets = in.consumeInt(1, 24);
        long now = 0;
        for (int i = 0; i < packets && in.remainingBytes() > 0; i++) {
            PacketType type = PacketType.values()[in.consumeInt(0, PacketType.values().length - 1)];
            int flags = in.consumeBoolean() ? PacketFlags.FEC_MEMBER : 0;
            int path = in.consumeInt(0, 3);
            byte[] body = in.consumeBytes(in.consumeInt(0, MAX_PAYLOAD));
            wire.clear();
            assertThat(pair.client.seal(ByteBuffer.wrap(body), wire, type, flags, path, now)).isEqualTo(SealResult.OK);
            wire.flip();
            assertThat(rx.receive(wire, now)).isTrue();
            assertThat(wire.hasRemaining()).isFalse();
            now += in.consumeInt(0, 20) * MS;
            rx.poll(now);
        }
    }

    /** Every body parser and both bounded tables straight on raw bytes. */
    public static void bodyParsers(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        new PacketHeader().parse(b, MAX_PAYLOAD);
        PacketHeader.packetSize(b, 0);
        for (PacketType t : PacketType.values()) parseControl(t, b);
        assertThat(b.position()).isZero();
        new Reassembler(2, MAX_PAYLOAD, 10 * MS).add(data.length, b, 0);
        FecGroupDecoder fec = new FecGroupDecoder(16, 2, MAX_PAYLOAD, 10 * MS);
        fec.remember(0, PacketType.DATA, b, 0, (c, t, body) -> { });
        fec.onParity(b, 0, (c, t, body) -> assertThat(t.carriesInnerPacket()).isTrue());
        assertThat(b.position()).isZero();
    }

    private static void parseControl(PacketType type, ByteBuffer body) {
        switch (type) {
            case PROBE -> new ProbeBody().read(body);
            case PROBE_ACK -> {
                ProbeAckBody ack = new ProbeAckBody();
                if (ack.read(body)) assertThat(ack.rttNanos(Long.MAX_VALUE)).isNotNegative();
            }
            case PATH_FEEDBACK -> {
                PathFeedbackBody fb = new PathFeedbackBody();
                if (fb.read(body)) assertThat(fb.count()).isBetween(1, PathFeedbackBody.MAX_ENTRIES);
            }
            case PATH_HELLO -> new PathHelloBody().read(body);
            case CLOSE -> new CloseBody().read(body);
            default -> { }
        }
    }
}
