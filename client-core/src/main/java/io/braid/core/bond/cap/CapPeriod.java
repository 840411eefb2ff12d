package io.braid.core.bond.cap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A monthly accounting period, as carriers bill: it starts at midnight on {@code resetDay} in
 * {@code zone} (day 1 is the calendar month). A reset day past the end of a short month falls on
 * that month's last day (a plan renewing on the 31st renews on 28 or 29 February).
 */
public record CapPeriod(ZoneId zone, int resetDay) {
    public CapPeriod {
        if (zone == null) throw new IllegalArgumentException("a cap period needs a time zone");
        if (resetDay < 1 || resetDay > 31) throw new IllegalArgumentException("reset day " + resetDay + " is outside 1..31");
    }

    /** The calendar month in {@code zone}. */
    public static CapPeriod calendarMonth(ZoneId zone) {
        return new CapPeriod(zone, 1);
    }

    /** When the period containing {@code now} started. */
    public Instant start(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate reset = resetIn(YearMonth.from(today));
        if (today.isBefore(reset)) reset = resetIn(YearMonth.from(today).minusMonths(1));
        return reset.atStartOfDay(zone).toInstant();
    }

    /** When the period containing {@code now} ends (the next one starts). */
    public Instant end(Instant now) {
        YearMonth startMonth = YearMonth.from(LocalDate.ofInstant(start(now), zone));
        return resetIn(startMonth.plusMonths(1)).atStartOfDay(zone).toInstant();
    }

    private LocalDate resetIn(YearMonth month) {
        return month.atDay(Math.min(resetDay, month.lengthOfMonth()));
    }
}
