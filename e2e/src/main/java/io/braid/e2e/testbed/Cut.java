package io.braid.e2e.testbed;

/** The two ways a WAN link fails, which a tunnel must tell apart and survive. */
public enum Cut {
    /** The client's interface goes down: the OS knows at once, routes through it vanish. */
    LINK_DOWN,
    /**
     * The link stays up and its gateway still answers, but nothing beyond the first hop gets through
     * either way (a dead upstream, a captive portal gone wrong): only probing can tell.
     */
    BLACKHOLE
}
