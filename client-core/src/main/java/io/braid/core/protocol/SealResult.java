package io.braid.core.protocol;

/** What {@link SessionCrypto#seal} did. Only {@link #OK} wrote a packet; nothing else consumed a counter. */
public enum SealResult {
    OK,
    /** No epoch keys are installed yet. */
    NO_KEY,
    /** The current epoch reached its hard packet or time limit: install and activate the next epoch first. */
    REKEY_REQUIRED,
    /** The session's 63-bit counter is spent; the session must be re-established. */
    COUNTER_EXHAUSTED,
    /** The plaintext is longer than this session seals in one packet (fragment it first). */
    PAYLOAD_TOO_LARGE,
    /** The output buffer cannot hold header + ciphertext + tag. */
    BUFFER_TOO_SMALL,
    /** {@code sealCopy} with no packet to copy, or for a path that already has this counter (nonce reuse refused). */
    NOT_COPYABLE,
    /** More distinct path ids than the session tracks. */
    TOO_MANY_PATHS
}
