package io.braid.e2e.peers;

import io.braid.core.testing.RootOnly;
import java.util.ArrayList;
import java.util.List;

/** Which of the external programs a reference path needs are installed (Debian packages; see .ci/run). */
public final class Tools {
    private Tools() {}

    /** The programs of {@code names} not found, in order. */
    public static List<String> missing(String... names) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!RootOnly.onPath(name)) missing.add(name);
        }
        return missing;
    }
}
