package io.braid.cli.output;

import java.time.Duration;

/** Numbers as people read them: 1.2 MB, 48.0 Mbit/s, 12.3 ms, 2h 5m. */
final class Units {
    private static final String[] BYTES = {"B", "kB", "MB", "GB", "TB"};
    private static final String[] BITS = {"bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s"};

    private Units() {}

    static String bytes(long n) {
        return scaled(n, BYTES);
    }

    static String bits(long perSecond) {
        return scaled(perSecond, BITS);
    }

    private static String scaled(long n, String[] units) {
        double v = n;
        int unit = 0;
        while (v >= 1000 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return unit == 0 ? n + " " + units[0] : String.format("%.1f %s", v, units[unit]);
    }

    static String millis(double ms) {
        return String.format("%.1f ms", ms);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86400) {
            return s / 3600 + "h " + s / 60 % 60 + "m";
        }
        return s / 86400 + "d " + s / 3600 % 24 + "h";
    }
}
