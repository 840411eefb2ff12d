package io.braid.core.protocol;

import java.util.Arrays;

/**
 * The next send sequence of each path, for a handful of paths (a session bonds a few WANs).
 * A linear scan of two small arrays beats a map and allocates nothing.
 */
final class PathSequences {
    private final int[] pathIds;
    private final int[] next;
    private int size;

    PathSequences(int maxPaths) {
        pathIds = new int[maxPaths];
        next = new int[maxPaths];
        Arrays.fill(pathIds, -1);
    }

    /** The sequence to send next on {@code pathId}, advancing it; -1 when the table is full. */
    long take(int pathId) {
        for (int i = 0; i < size; i++) {
            if (pathIds[i] == pathId) return Integer.toUnsignedLong(next[i]++);
        }
        if (size == pathIds.length) return -1;
        pathIds[size] = pathId;
        next[size] = 1;
        size++;
        return 0;
    }
}
