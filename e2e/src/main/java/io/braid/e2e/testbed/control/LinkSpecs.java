package io.braid.e2e.testbed.control;

import io.braid.e2e.testbed.LinkSpec;
import java.time.Duration;

/**
 * WAN links written the way a human types them on the command line: comma-separated settings,
 * e.g. {@code rate=50,delay=20,jitter=5,reorder,loss=1}; {@code emulated} routes the link through
 * the emulator with no impairment yet; {@code plain} (or nothing) is a bare veth. Rates in Mbit/s,
 * times in milliseconds (one way), loss in percent.
 */
public final class LinkSpecs {
    private LinkSpecs() {}

    public static LinkSpec parse(String text) {
        LinkSpec spec = LinkSpec.plain();
        Duration jitter = Duration.ZERO;
        boolean reorder = false;
        for (String item : text.split(",")) {
            String setting = item.strip();
            if (setting.isEmpty() || setting.equals("plain")) continue;
            String[] kv = setting.split("=", 2);
            String key = kv[0];
            if (key.equals("emulated")) {
                spec = spec.emulated();
                continue;
            }
            if (key.equals("reorder")) {
                reorder = true;
                continue;
            }
            if (kv.length != 2) throw new IllegalArgumentException("'" + setting + "' needs a value, e.g. " + key + "=10");
            double value = number(setting, kv[1]);
            switch (key) {
                case "rate" -> spec = spec.rate(value);
                case "loss" -> spec = spec.loss(value);
                case "delay" -> spec = spec.delay(millis(value));
                case "jitter" -> jitter = millis(value);
                default -> throw new IllegalArgumentException("unknown link setting '" + key + "' (rate, loss, delay, jitter, reorder, emulated)");
            }
        }
        return jitter.isZero() && !reorder ? spec : spec.jitter(jitter, reorder);
    }

    static Duration millis(double ms) {
        return Duration.ofNanos(Math.round(ms * 1_000_000));
    }

    static double number(String setting, String value) {
        try {
            double n = Double.parseDouble(value);
            if (n < 0 || Double.isNaN(n) || Double.isInfinite(n)) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + setting + "': '" + value + "' is not a number >= 0");
        }
    }
}
