package io.braid.core.bond.cap;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.json.Json;
import io.braid.core.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Data-cap usage in a small JSON file under the state directory, written atomically and owner-only
 * ({@link AtomicFiles}):
 *
 * <pre>
 * {"version":1,"links":[{"link":"lte0","usedBytes":1234567,"periodStart":"2025-03-01T00:00:00Z"}]}
 * </pre>
 */
public final class JsonFileCapStore implements CapStore {
    static final int VERSION = 1;

    private final Path file;

    public JsonFileCapStore(Path file) {
        this.file = file;
    }

    record Contents(int version, List<CapUsage> links) {}

    @Override
    public List<CapUsage> load() {
        Contents contents;
        try {
            contents = Json.lenient().readValue(Files.readAllBytes(file), Contents.class);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot read data-cap usage from " + file + ": " + e.getMessage(), e);
        }
        if (contents.version() != VERSION || contents.links() == null) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "data-cap usage in " + file + " has unknown version " + contents.version());
        }
        return List.copyOf(contents.links());
    }

    @Override
    public void save(List<CapUsage> usage) {
        try {
            AtomicFiles.write(file, Json.lenient().writeValueAsBytes(new Contents(VERSION, usage)));
        } catch (IOException e) {
            throw new BraidException(ErrorCode.STORE_FAILURE, "cannot save data-cap usage to " + file + ": " + e.getMessage(), e);
        }
    }
}
