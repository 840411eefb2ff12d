package io.braid.core.protocol;

/**
 * Anti-replay sliding window over the session's packet counter (RFC 6479's bitmap ring, as in
 * wireguard-go's replay.go). One window serves all paths, since one counter spans them: a
 * redundant copy of a packet received on a second path is a duplicate here.
 *
 * <p>The ring holds {@value #RING_BLOCKS} blocks of 64 bits; one block is always being recycled,
 * so the window is {@value #WINDOW} counters behind the highest seen. Moving forward clears the
 * blocks it passes, never bit by bit. Checking is split from marking: the receiver
 * {@link #check checks} before decrypting (cheap rejection of duplicates) and
 * {@link #mark marks} only after the packet authenticated, so forged packets never move the window.
 */
public final class ReplayWindow {
    private static final int BLOCK_BITS_LOG = 6;
    private static final int BLOCK_BITS = 1 << BLOCK_BITS_LOG;
    static final int RING_BLOCKS = 128;
    private static final int BLOCK_MASK = RING_BLOCKS - 1;
    private static final int BIT_MASK = BLOCK_BITS - 1;
    /** Counters this far behind the highest one are still judged exactly. */
    public static final int WINDOW = (RING_BLOCKS - 1) * BLOCK_BITS;

    /** {@link #check} result: never seen and inside (or ahead of) the window. */
    public static final int FRESH = 0;
    /** {@link #check} result: seen before. */
    public static final int DUPLICATE = 1;
    /** {@link #check} result: behind the window, so it cannot be told apart from a replay. */
    public static final int TOO_OLD = 2;

    private final long[] ring = new long[RING_BLOCKS];
    private long highest = -1;

    /** Judges {@code counter} (>= 0) without changing the window. */
    public int check(long counter) {
        if (counter > highest) return FRESH;
        if (highest - counter > WINDOW) return TOO_OLD;
        long bit = 1L << (counter & BIT_MASK);
        return (ring[(int) (counter >>> BLOCK_BITS_LOG) & BLOCK_MASK] & bit) != 0 ? DUPLICATE : FRESH;
    }

    /**
     * Marks {@code counter} (>= 0) as received, sliding the window forward if it is the newest.
     *
     * @return true when it was fresh; false for a duplicate or one behind the window (unchanged)
     */
    public boolean mark(long counter) {
        long block = counter >>> BLOCK_BITS_LOG;
        if (counter > highest) {
            long current = highest < 0 ? -1 : highest >>> BLOCK_BITS_LOG;
            long diff = Math.min(block - current, RING_BLOCKS);
            for (long i = 1; i <= diff; i++) ring[(int) (current + i) & BLOCK_MASK] = 0;
            highest = counter;
        } else if (highest - counter > WINDOW) {
            return false;
        }
        int index = (int) block & BLOCK_MASK;
        long bit = 1L << (counter & BIT_MASK);
        long old = ring[index];
        ring[index] = old | bit;
        return (old & bit) == 0;
    }

    /** The highest counter marked so far, or -1. */
    public long highest() {
        return highest;
    }
}
