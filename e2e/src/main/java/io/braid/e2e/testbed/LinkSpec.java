package io.braid.e2e.testbed;

import io.braid.e2e.linkemu.Impairment;
import java.time.Duration;

/**
 * How one WAN link behaves when the testbed is built (each can be changed later through its
 * {@link Wan}): a rate in Mbit/s each way (tbf; 0 = the veth's own speed), random loss in percent
 * each way (nftables), and an impairment from the userspace link emulator (null = the link does
 * not go through the emulator at all, which costs nothing).
 */
public record LinkSpec(double rateMbit, double lossPercent, Impairment impairment) {
    public static final LinkSpec PLAIN = new LinkSpec(0, 0, null);

    public LinkSpec {
        if (rateMbit < 0) throw new IllegalArgumentException("rate must be >= 0 Mbit/s: " + rateMbit);
        if (lossPercent < 0 || lossPercent > 100) throw new IllegalArgumentException("loss must be 0..100 %: " + lossPercent);
    }

    public static LinkSpec plain() {
        return PLAIN;
    }

    public LinkSpec rate(double mbit) {
        return new LinkSpec(mbit, lossPercent, impairment);
    }

    public LinkSpec loss(double percent) {
        return new LinkSpec(rateMbit, percent, impairment);
    }

    /** One-way delay each way: a round trip gets twice this. Routes the link through the emulator. */
    public LinkSpec delay(Duration oneWay) {
        Impairment base = impairment == null ? Impairment.NONE : impairment;
        return new LinkSpec(rateMbit, lossPercent, new Impairment(oneWay, base.jitter(), base.reorder()));
    }

    public LinkSpec jitter(Duration jitter, boolean reorder) {
        Impairment base = impairment == null ? Impairment.NONE : impairment;
        return new LinkSpec(rateMbit, lossPercent, base.withJitter(jitter, reorder));
    }

    /** Through the emulator with no impairment yet: for outages, or delays set later. */
    public LinkSpec emulated() {
        return impairment != null ? this : new LinkSpec(rateMbit, lossPercent, Impairment.NONE);
    }

    public boolean isEmulated() {
        return impairment != null;
    }
}
