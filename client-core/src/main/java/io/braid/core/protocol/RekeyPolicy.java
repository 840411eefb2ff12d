package io.braid.core.protocol;

import java.time.Duration;

/**
 * When an epoch's keys must be replaced, by packet count or by age, whichever comes first.
 * "Rekey after" asks the engine to start a new exchange; "reject after" is the hard stop (seal
 * refuses, open drops), so a stalled rekey cannot keep a key in use for ever. The packet limits
 * follow AEAD usage bounds: 2^28 packets of 1400 bytes is about TLS 1.3's AES-GCM margin
 * (2^24.5 full records); the time limits are WireGuard's.
 *
 * @param previousEpochGraceNanos how long the previous epoch's packets are still accepted after a switch
 */
public record RekeyPolicy(long rekeyAfterPackets, long rejectAfterPackets, long rekeyAfterNanos, long rejectAfterNanos,
                          long previousEpochGraceNanos) {
    public static final RekeyPolicy DEFAULT = new RekeyPolicy(1L << 28, 1L << 30,
            Duration.ofSeconds(120).toNanos(), Duration.ofSeconds(180).toNanos(), Duration.ofSeconds(10).toNanos());

    public RekeyPolicy {
        if (rekeyAfterPackets <= 0 || rejectAfterPackets < rekeyAfterPackets) {
            throw new IllegalArgumentException("need 0 < rekeyAfterPackets <= rejectAfterPackets");
        }
        if (rekeyAfterNanos <= 0 || rejectAfterNanos < rekeyAfterNanos) {
            throw new IllegalArgumentException("need 0 < rekeyAfterNanos <= rejectAfterNanos");
        }
        if (previousEpochGraceNanos < 0) throw new IllegalArgumentException("grace must be >= 0");
    }
}
