package io.braid.core.protocol;

/**
 * Why a received datagram (or a piece of one) was dropped. Hostile or broken input never throws:
 * it is dropped, left without effect on session state, and counted under one of these. The code
 * indexes {@link DropCounters} and names the metric; codes are explicit, never ordinals.
 */
public enum DropReason {
    /** Shorter than a header, than its own length field says, or than a tag. */
    TRUNCATED(1, "truncated"),
    /** The length field is larger than this receiver accepts. */
    OVERSIZED(2, "oversized"),
    /** A protocol version this receiver does not speak. */
    BAD_VERSION(3, "bad_version"),
    /** An unknown packet type. */
    BAD_TYPE(4, "bad_type"),
    /** Reserved flag bits set. */
    BAD_FLAGS(5, "bad_flags"),
    /** A session id that is not this session's. */
    WRONG_SESSION(6, "wrong_session"),
    /** A key epoch that is over (its grace time has passed or its keys expired). */
    OLD_EPOCH(7, "old_epoch"),
    /** A key epoch this end has no keys for (not yet negotiated, or garbage). */
    UNKNOWN_EPOCH(8, "unknown_epoch"),
    /** The counter was already received: a redundant copy, or a replay. */
    DUPLICATE(9, "duplicate"),
    /** The counter is behind the replay window: a stale replay, or a packet far too late. */
    TOO_OLD(10, "too_old"),
    /** The counter is outside the valid range (top bit set). */
    BAD_COUNTER(11, "bad_counter"),
    /** The AEAD tag did not verify: forged, corrupted, or sealed with other keys. */
    AUTH_FAILED(12, "auth_failed"),
    /** The caller's output buffer cannot hold the plaintext. */
    BUFFER_TOO_SMALL(13, "buffer_too_small"),
    /** An authenticated body that does not parse as its type says. */
    MALFORMED_BODY(14, "malformed_body"),
    /** A fragment that contradicts the others of its packet, or lies outside the limits. */
    BAD_FRAGMENT(15, "bad_fragment"),
    /** FEC parity that contradicts its group or lies outside the limits. */
    BAD_PARITY(16, "bad_parity");

    /** One more than the largest code: the size of a counter array indexed by code. */
    public static final int CODE_LIMIT = 17;

    private final int code;
    private final String metricName;

    DropReason(int code, String metricName) {
        this.code = code;
        this.metricName = metricName;
    }

    public int code() {
        return code;
    }

    /** A stable snake_case name for /metrics and {@code braid status --json}. */
    public String metricName() {
        return metricName;
    }
}
