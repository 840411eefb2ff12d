package io.braid.core.engine;

/**
 * Chooses between UDP and the TLS control connection for the data plane. UDP is tried first: path
 * hellos go out and the headend answers each on UDP. If no answer comes within the patience, data
 * moves into the control connection (TCP) so the tunnel still works where UDP is blocked; UDP hellos
 * keep going out at a slower pace, and the first answer moves data back to UDP. Pure.
 */
public final class TransportFallback {
    public enum Mode { UDP, TCP }

    private final long patienceNanos;
    private final long retryNanos;
    private Mode mode = Mode.UDP;
    private boolean confirmed;
    private long startedNanos;
    private long lastHelloNanos = Long.MIN_VALUE / 2;
    private long lastUdpAnswerNanos = Long.MIN_VALUE / 2;

    public TransportFallback(long patienceNanos, long retryNanos, long nowNanos) {
        this.patienceNanos = patienceNanos;
        this.retryNanos = retryNanos;
        this.startedNanos = nowNanos;
    }

    public Mode mode() {
        return mode;
    }

    /** Whether a UDP hello should go out now (every 250 ms until confirmed, then at the retry pace on TCP). */
    public boolean udpHelloDue(long nowNanos) {
        long interval = mode == Mode.TCP ? retryNanos : confirmed ? Long.MAX_VALUE / 4 : 250_000_000L;
        if (nowNanos - lastHelloNanos >= interval) {
            lastHelloNanos = nowNanos;
            return true;
        }
        return false;
    }

    /** The headend answered on UDP. Returns true when this moves data (back) to UDP. */
    public boolean onUdpAnswer(long nowNanos) {
        lastUdpAnswerNanos = nowNanos;
        confirmed = true;
        if (mode == Mode.TCP) {
            mode = Mode.UDP;
            return true;
        }
        return false;
    }

    /** Returns true when this tick moves data to TCP (no UDP answer within the patience, or UDP went silent). */
    public boolean tick(long nowNanos, long lastUdpReceiveNanos) {
        if (mode == Mode.TCP) {
            return false;
        }
        boolean neverAnswered = !confirmed && nowNanos - startedNanos > patienceNanos;
        boolean wentSilent = confirmed && nowNanos - Math.max(lastUdpAnswerNanos, lastUdpReceiveNanos) > 4 * patienceNanos;
        if (neverAnswered || wentSilent) {
            mode = Mode.TCP;
            confirmed = false;
            return true;
        }
        return false;
    }
}
