package io.braid.core.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a user's enrollment key comes from. Keys are secrets, so besides the literal value the CLI
 * accepts {@code file:/path} and the BRAID_ENROLL_KEY variable to keep them out of shell history.
 */
public final class EnrollmentKeys {
    public static final String ENV = "BRAID_ENROLL_KEY";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{4,40}\\.[A-Za-z0-9_-]{16,128}");
    private static final long MAX_KEY_FILE_BYTES = 4096;

    private EnrollmentKeys() {}

    /** Resolves {@code --key} (literal or file:PATH), falling back to the environment variable. */
    public static String resolve(String option, Map<String, String> env) {
        String value = option;
        if (value == null || value.isBlank()) {
            value = env.get(ENV);
            if (value == null || value.isBlank()) {
                throw new BraidException(ErrorCode.BAD_INPUT, "no enrollment key: pass --key KEY, --key file:PATH or set " + ENV);
            }
        }
        if (value.startsWith("file:")) {
            value = readKeyFile(Path.of(value.substring("file:".length())));
        }
        requireWellFormed(value.trim());
        return value.trim();
    }

    public static void requireWellFormed(String key) {
        if (key == null || !WELL_FORMED.matcher(key).matches()) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the enrollment key is malformed (expected ID.SECRET as printed by braid-server keys create)");
        }
    }

    private static String readKeyFile(Path path) {
        try {
            if (Files.size(path) > MAX_KEY_FILE_BYTES) {
                throw new BraidException(ErrorCode.BAD_INPUT, "the key file " + path + " is too large to hold an enrollment key");
            }
            return Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "cannot read the key file " + path + ": " + e.getMessage());
        }
    }
}
