package io.braid.core;

/** The version of the running Braid build, as stamped into the jar manifest by Maven. */
public final class BraidVersion {
    private BraidVersion() {}

    /** The build's version, or "dev" when running from classes rather than a packaged jar. */
    public static String current() {
        String v = BraidVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
