package io.braid.core.bond.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Monthly periods as carriers bill them, in the user's time zone. */
class CapPeriodTest {
    @ParameterizedTest(name = "{0}, reset day {1}, at {2}: {3} .. {4}")
    @CsvSource({
            "UTC,            1, 2025-03-10T12:00:00Z, 2025-03-01T00:00:00Z, 2025-04-01T00:00:00Z",
            // 23:30 UTC on 31 March is already 1 April in Berlin (UTC+2 in summer time)
            "Europe/Berlin,  1, 2025-03-31T23:30:00Z, 2025-03-31T22:00:00Z, 2025-04-30T22:00:00Z",
            "Europe/Berlin,  1, 2025-03-31T21:30:00Z, 2025-02-28T23:00:00Z, 2025-03-31T22:00:00Z",
            "UTC,           15, 2025-03-14T23:59:59Z, 2025-02-15T00:00:00Z, 2025-03-15T00:00:00Z",
            "UTC,           15, 2025-03-15T00:00:00Z, 2025-03-15T00:00:00Z, 2025-04-15T00:00:00Z",
            // a plan renewing on the 31st renews on the last day of shorter months
            "UTC,           31, 2025-02-28T10:00:00Z, 2025-02-28T00:00:00Z, 2025-03-31T00:00:00Z",
            "UTC,           31, 2025-02-27T10:00:00Z, 2025-01-31T00:00:00Z, 2025-02-28T00:00:00Z",
            "UTC,           30, 2024-02-29T10:00:00Z, 2024-02-29T00:00:00Z, 2024-03-30T00:00:00Z",
    })
    void periodsStartOnTheResetDayAtLocalMidnight(String zone, int resetDay, String now, String start, String end) {
        CapPeriod period = new CapPeriod(ZoneId.of(zone), resetDay);
        assertThat(period.start(Instant.parse(now))).isEqualTo(Instant.parse(start));
        assertThat(period.end(Instant.parse(now))).isEqualTo(Instant.parse(end));
    }

    @Test
    void badPeriodsAndCapsAreRefused() {
        assertThatThrownBy(() -> new CapPeriod(ZoneOffset.UTC, 0)).hasMessage("reset day 0 is outside 1..31");
        assertThatThrownBy(() -> new CapPeriod(null, 1)).hasMessage("a cap period needs a time zone");
        assertThatThrownBy(() -> new DataCap(0, CapPeriod.calendarMonth(ZoneOffset.UTC))).hasMessage("a data cap must be a positive number of bytes");
    }
}
