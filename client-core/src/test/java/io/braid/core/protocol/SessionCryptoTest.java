package io.braid.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import io.braid.core.testing.FakeClock;
import io.braid.core.testing.SessionPair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SessionCryptoTest {
    private static final byte[] HELLO = "an inner IPv4 packet, more or less".getBytes(StandardCharsets.US_ASCII);

    private final FakeClock clock = new FakeClock(0);
    private final ByteBuffer wire = ByteBuffer.allocateDirect(16 * 1024);
    private final ByteBuffer plain = ByteBuffer.allocateDirect(16 * 1024);

    private ByteBuffer seal(SessionCrypto from, byte[] body, PacketType type, int path) {
        wire.clear();
        assertThat(from.seal(ByteBuffer.wrap(body), wire, type, path, clock.nanos())).isEqualTo(SealResult.OK);
        return copy(wire.flip());
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }

    private boolean open(SessionCrypto to, ByteBuffer packet) {
        plain.clear();
        return to.open(packet.duplicate(), plain, clock.nanos());
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void roundTripsBothDirectionsWithTheHeaderIntact(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg);
        ByteBuffer p = seal(s.client, HELLO, PacketType.DATA, 3);
        assertThat(p.remaining()).isEqualTo(HELLO.length + PacketHeader.OVERHEAD);
        assertThat(open(s.headend, p)).isTrue();
        assertThat(bytes(plain.flip())).isEqualTo(HELLO);
        PacketHeader h = s.headend.received();
        assertThat(h.type()).isEqualTo(PacketType.DATA);
        assertThat(h.pathId()).isEqualTo(3);
        assertThat(h.counter()).isZero();
        assertThat(h.sessionId()).isEqualTo(SessionPair.SESSION_ID);

        // The directions use different keys: a packet reflected back at its sender does not open.
        assertThat(open(s.client, p)).isFalse();
        assertThat(s.client.lastDropReason()).isEqualTo(DropReason.AUTH_FAILED);
        ByteBuffer back = seal(s.headend, HELLO, PacketType.PROBE, 1);
        assertThat(open(s.client, back)).isTrue();
        assertThat(s.client.received().type()).isEqualTo(PacketType.PROBE);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void rejectsHostilePacketsByReasonWithoutStateChange(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg);
        ByteBuffer good = seal(s.client, HELLO, PacketType.DATA, 0);

        assertDropped(s.headend, slice(good, 0, 10), DropReason.TRUNCATED);
        assertDropped(s.headend, slice(good, 0, good.remaining() - 1), DropReason.TRUNCATED);
        assertDropped(s.headend, with(good, 0, 2), DropReason.BAD_VERSION);
        assertDropped(s.headend, with(good, 1, 0x7f), DropReason.BAD_TYPE);
        assertDropped(s.headend, with(good, 2, 0x80), DropReason.BAD_FLAGS);
        assertDropped(s.headend, with(good, 6, 0xff), DropReason.OVERSIZED);
        assertDropped(s.headend, with(good, 11, 0x42), DropReason.WRONG_SESSION);
        assertDropped(s.headend, with(good, 3, 9), DropReason.UNKNOWN_EPOCH);
        assertDropped(s.headend, with(good, 16, 0x80), DropReason.BAD_COUNTER);
        assertDropped(s.headend, with(good, 30, good.get(30) ^ 1), DropReason.AUTH_FAILED); // forged body
        assertDropped(s.headend, with(good, 4, 1), DropReason.AUTH_FAILED); // path id is authenticated
        assertDropped(s.headend, with(good, 15, 7), DropReason.AUTH_FAILED); // so is the path sequence
        assertThat(s.headend.packetsOpened()).isZero();

        assertThat(open(s.headend, good)).isTrue(); // none of the above moved the window
        assertDropped(s.headend, good, DropReason.DUPLICATE); // replayed
        assertThat(s.headend.duplicates()).isEqualTo(1);
        assertThat(s.headend.drops().total()).isEqualTo(13);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void redundantCopiesShareTheCounterAreSealedPerPathAndDeduplicated(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg);
        ByteBuffer body = ByteBuffer.wrap(HELLO);
        wire.clear();
        assertThat(s.client.seal(body, wire, PacketType.DATA, 1, clock.nanos())).isEqualTo(SealResult.OK);
        ByteBuffer first = copy(wire.flip());
        wire.clear();
        assertThat(s.client.sealCopy(body, wire, 2, clock.nanos())).isEqualTo(SealResult.OK);
        ByteBuffer second = copy(wire.flip());
        wire.clear();
        assertThat(s.client.sealCopy(body, wire, 1, clock.nanos())).as("same path twice = nonce reuse")
                .isEqualTo(SealResult.NOT_COPYABLE);

        assertThat(bytes(first.duplicate())).isNotEqualTo(bytes(second.duplicate()));
        assertThat(open(s.headend, second)).isTrue();
        assertThat(s.headend.received().pathId()).isEqualTo(2);
        assertDropped(s.headend, first, DropReason.DUPLICATE);
        assertThat(s.headend.duplicates()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void opensAllPacketsOfACoalescedBufferOneByOne(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg);
        ByteBuffer gro = ByteBuffer.allocate(4096);
        for (int i = 0; i < 5; i++) {
            assertThat(s.client.seal(ByteBuffer.wrap(HELLO, 0, 10 + i), gro, PacketType.DATA, 0, 0)).isEqualTo(SealResult.OK);
        }
        gro.flip();
        gro.put(PacketHeader.BYTES + 2, (byte) (gro.get(PacketHeader.BYTES + 2) ^ 1)); // corrupt the first one
        int opened = 0;
        while (gro.hasRemaining()) {
            plain.clear();
            if (s.headend.open(gro, plain, 0)) {
                opened++;
                assertThat(plain.position()).isEqualTo(10 + (int) s.headend.received().counter());
            }
        }
        assertThat(opened).isEqualTo(4);
        assertThat(s.headend.drops().count(DropReason.AUTH_FAILED)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void rekeySwitchAcceptsBothEpochsThenRetiresTheOldOne(AeadAlgorithm alg) {
        RekeyPolicy policy = new RekeyPolicy(3, 5, 60_000_000_000L, 90_000_000_000L, 1_000_000_000L);
        SessionPair s = new SessionPair(alg, policy, 1500, clock.nanos());
        ByteBuffer e0a = seal(s.client, HELLO, PacketType.DATA, 0);
        ByteBuffer e0b = seal(s.client, HELLO, PacketType.DATA, 0);
        ByteBuffer e0c = seal(s.client, HELLO, PacketType.DATA, 0);
        assertThat(s.client.needsRekey(clock.nanos())).isTrue();
        assertThat(open(s.headend, e0a)).isTrue();

        s.installEpoch(1, clock.nanos()); // both ends now hold epoch 1 as "next"
        assertThat(s.client.needsRekey(clock.nanos())).isFalse();
        s.client.activateNextEpoch(clock.nanos()); // the initiator switches at once
        ByteBuffer e1 = seal(s.client, HELLO, PacketType.DATA, 0);
        assertThat(e1.get(3)).isEqualTo((byte) 1);
        assertThat(s.client.received()).isNotNull();

        assertThat(s.headend.currentEpoch()).isZero();
        assertThat(open(s.headend, e1)).isTrue(); // first epoch-1 packet: responder switches too
        assertThat(s.headend.currentEpoch()).isEqualTo(1);
        assertThat(open(s.headend, e0b)).as("late epoch-0 packet within grace").isTrue();

        ByteBuffer reply = seal(s.headend, HELLO, PacketType.DATA, 0);
        assertThat(reply.get(3)).isEqualTo((byte) 1);
        assertThat(open(s.client, reply)).isTrue();

        clock.advanceMillis(1001);
        assertDropped(s.headend, e0c, DropReason.OLD_EPOCH);
        assertThat(s.headend.hasPreviousEpoch(clock.nanos())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void anEpochAtItsHardLimitSealsNothingAndNoCounterIsReused(AeadAlgorithm alg) {
        RekeyPolicy policy = new RekeyPolicy(2, 3, 60_000_000_000L, 90_000_000_000L, 1_000_000_000L);
        SessionPair s = new SessionPair(alg, policy, 1500, clock.nanos());
        for (int i = 0; i < 3; i++) seal(s.client, HELLO, PacketType.DATA, 0);
        wire.clear();
        assertThat(s.client.seal(ByteBuffer.wrap(HELLO), wire, PacketType.DATA, 0, clock.nanos()))
                .isEqualTo(SealResult.REKEY_REQUIRED);
        assertThat(wire.position()).isZero();
        assertThat(s.client.nextCounter()).isEqualTo(3);

        s.installEpoch(1, clock.nanos());
        s.client.activateNextEpoch(clock.nanos());
        ByteBuffer p = seal(s.client, HELLO, PacketType.DATA, 0);
        assertThat(open(s.headend, p)).isTrue();
        assertThat(s.headend.received().counter()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void timeLimitsForceRekeyAndExpireKeys(AeadAlgorithm alg) {
        RekeyPolicy policy = new RekeyPolicy(1000, 2000, 10_000_000_000L, 15_000_000_000L, 1_000_000_000L);
        SessionPair s = new SessionPair(alg, policy, 1500, clock.nanos());
        clock.advanceMillis(9_999);
        assertThat(s.client.needsRekey(clock.nanos())).isFalse();
        ByteBuffer p = seal(s.client, HELLO, PacketType.DATA, 0);
        clock.advanceMillis(1);
        assertThat(s.client.needsRekey(clock.nanos())).isTrue();
        clock.advanceMillis(5_000);
        wire.clear();
        assertThat(s.client.seal(ByteBuffer.wrap(HELLO), wire, PacketType.DATA, 0, clock.nanos()))
                .isEqualTo(SealResult.REKEY_REQUIRED);
        assertDropped(s.headend, p, DropReason.OLD_EPOCH);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void theCounterNeverWraps(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg);
        s.client.skipCountersForTest(Long.MAX_VALUE);
        ByteBuffer last = seal(s.client, HELLO, PacketType.DATA, 0);
        assertThat(open(s.headend, last)).isTrue();
        wire.clear();
        assertThat(s.client.seal(ByteBuffer.wrap(HELLO), wire, PacketType.DATA, 0, clock.nanos()))
                .isEqualTo(SealResult.COUNTER_EXHAUSTED);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void refusesWhatDoesNotFit(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg, RekeyPolicy.DEFAULT, 100, 0);
        assertThat(s.client.seal(ByteBuffer.allocate(101), ByteBuffer.allocate(1000), PacketType.DATA, 0, 0))
                .isEqualTo(SealResult.PAYLOAD_TOO_LARGE);
        assertThat(s.client.seal(ByteBuffer.allocate(100), ByteBuffer.allocate(139), PacketType.DATA, 0, 0))
                .isEqualTo(SealResult.BUFFER_TOO_SMALL);
        ByteBuffer p = seal(s.client, new byte[100], PacketType.DATA, 0);
        assertThat(s.headend.open(p.duplicate(), ByteBuffer.allocate(99), 0)).isFalse();
        assertThat(s.headend.lastDropReason()).isEqualTo(DropReason.BUFFER_TOO_SMALL);
        SessionCrypto unkeyed = new SessionCrypto(Role.INITIATOR, 1, alg, RekeyPolicy.DEFAULT, 100);
        assertThat(unkeyed.seal(ByteBuffer.allocate(1), ByteBuffer.allocate(100), PacketType.DATA, 0, 0))
                .isEqualTo(SealResult.NO_KEY);
    }

    @ParameterizedTest
    @EnumSource(AeadAlgorithm.class)
    void keysOfTheWrongAlgorithmOrEpochAreRefused(AeadAlgorithm alg) {
        SessionPair s = new SessionPair(alg);
        EpochKeys[] e5 = s.deriveEpoch(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.client.installKeys(e5[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertDropped(SessionCrypto to, ByteBuffer packet, DropReason reason) {
        long before = to.drops().count(reason);
        ByteBuffer b = packet.duplicate();
        plain.clear();
        assertThat(to.open(b, plain, clock.nanos())).as("dropped as " + reason).isFalse();
        assertThat(to.lastDropReason()).isEqualTo(reason);
        assertThat(to.drops().count(reason)).isEqualTo(before + 1);
        assertThat(b.hasRemaining()).as("consumed").isFalse();
        assertThat(plain.position()).isZero();
    }

    private static ByteBuffer slice(ByteBuffer b, int from, int to) {
        return copy(b.duplicate().position(from).limit(to));
    }

    private static ByteBuffer with(ByteBuffer b, int index, int value) {
        ByteBuffer c = copy(b);
        c.put(index, (byte) value);
        return c;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }
}
