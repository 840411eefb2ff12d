package io.braid.core.netcfg;

/** Which traffic enters the tunnel. */
public enum RouteMode {
    /** Only the routes the headend pushes; everything else keeps its usual path. */
    SPLIT,
    /** Everything, except the tunnel's own packets to the headends, which keep each WAN's gateway. */
    FULL
}
