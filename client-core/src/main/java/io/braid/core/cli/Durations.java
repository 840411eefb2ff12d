package io.braid.core.cli;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations on the command line: 90s, 30m, 12h, 7d, 2w. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})([smhdw])");

    private Durations() {}

    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new BraidException(ErrorCode.BAD_INPUT, "'" + text + "' is not a duration (use a number and s, m, h, d or w, like 7d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
