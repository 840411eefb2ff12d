package io.braid.core.bond.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.store.OwnerOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting, enforcing, rolling over and persisting data caps. */
class CapLedgerTest {
    private static final CapPeriod MONTH = CapPeriod.calendarMonth(ZoneOffset.UTC);
    private static final Instant MARCH = Instant.parse("2025-03-10T12:00:00Z");
    private static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void anAccountIsExhaustedAtItsCapAndFreshAgainNextPeriod() {
        CapLedger ledger = CapLedger.inMemory(MONTH, MARCH);
        CapAccount lte = ledger.account("lte0", new DataCap(1000, MONTH));
        lte.add(999);
        assertThat(lte.exhausted()).isFalse();
        lte.add(1);
        assertThat(lte.exhausted()).isTrue();
        ledger.rollover(APRIL.minusSeconds(1));
        assertThat(lte.exhausted()).isTrue();
        ledger.rollover(APRIL);
        assertThat(lte.exhausted()).isFalse();
        assertThat(lte.usedBytes()).isZero();
        assertThat(lte.periodStart()).isEqualTo(APRIL);
    }

    @Test
    void linksWithoutACapAreCountedButNeverExhausted() {
        CapLedger ledger = CapLedger.inMemory(MONTH, MARCH);
        CapAccount fiber = ledger.account("eth0", null);
        fiber.add(Long.MAX_VALUE / 2);
        assertThat(fiber.exhausted()).isFalse();
        assertThat(fiber.limitBytes()).isEmpty();
        assertThat(ledger.usage()).containsExactly(new CapUsage("eth0", Long.MAX_VALUE / 2, Instant.parse("2025-03-01T00:00:00Z")));
    }

    @Test
    void usageSurvivesARestartThroughTheJsonFileOwnerOnly() throws Exception {
        Path file = dir.resolve("caps.json");
        CapLedger first = new CapLedger(new JsonFileCapStore(file), MONTH, MARCH);
        first.account("lte0", new DataCap(5000, MONTH)).add(1234);
        assertThat(first.saveIfChanged()).isTrue();
        assertThat(first.saveIfChanged()).as("nothing new to save").isFalse();
        assertThat(OwnerOnly.isOwnerOnly(file)).isTrue();
        assertThat(Files.readString(file)).contains("\"link\":\"lte0\"", "\"usedBytes\":1234", "\"periodStart\":\"2025-03-01T00:00:00Z\"");

        CapLedger second = new CapLedger(new JsonFileCapStore(file), MONTH, MARCH.plusSeconds(3600));
        assertThat(second.account("lte0", new DataCap(5000, MONTH)).usedBytes()).isEqualTo(1234);
        CapLedger nextMonth = new CapLedger(new JsonFileCapStore(file), MONTH, APRIL.plusSeconds(60));
        assertThat(nextMonth.account("lte0", new DataCap(5000, MONTH)).usedBytes()).as("last month's usage does not carry over").isZero();
    }

    @Test
    void aLinkNotPresentNowKeepsItsSavedUsage() {
        CapStore store = CapStore.inMemory();
        store.save(List.of(new CapUsage("wlan0", 77, Instant.parse("2025-03-01T00:00:00Z"))));
        CapLedger ledger = new CapLedger(store, MONTH, MARCH);
        ledger.account("lte0", null).add(5);
        ledger.saveIfChanged();
        assertThat(store.load()).extracting(CapUsage::link).containsExactly("wlan0", "lte0");
    }

    @Test
    void aMissingFileIsEmptyAndACorruptOneIsAClearError() throws Exception {
        Path file = dir.resolve("caps.json");
        assertThat(new JsonFileCapStore(file).load()).isEmpty();
        Files.writeString(file, "{\"version\":1,\"links\":[{\"link\":\"lte0\",\"usedBytes\":-5,\"periodStart\":\"2025-03-01T00:00:00Z\"}]}");
        assertThatThrownBy(() -> new JsonFileCapStore(file).load())
                .isInstanceOf(BraidException.class).hasMessageContaining("cannot read data-cap usage").hasMessageContaining("used bytes must not be negative")
                .satisfies(e -> assertThat(((BraidException) e).code()).isEqualTo(ErrorCode.STORE_FAILURE));
        Files.writeString(file, "{\"version\":9,\"links\":[]}");
        assertThatThrownBy(() -> new JsonFileCapStore(file).load()).hasMessageContaining("unknown version 9");
        Files.writeString(file, "not json");
        assertThatThrownBy(() -> new JsonFileCapStore(file).load()).hasMessageContaining("cannot read data-cap usage");
    }
}
