package io.braid.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash leaves either the old content or the new, never a mix: the bytes go to
 * an owner-only temporary file in the same directory, are flushed to disk, and the temporary file is
 * renamed over the target; then the directory itself is flushed so the rename survives a power cut.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes an owner-only file (secrets, credentials, journals). */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    /**
     * @param ownerOnly false for files others must read (a resolv.conf): they get the usual
     *     permissions of a new file (umask), still never half-written
     */
    public static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                ownerOnly ? OwnerOnly.fileAttributes() : OwnerOnly.publicFileAttributes());
        try {
            if (ownerOnly) {
                OwnerOnly.restrict(tmp, false);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Makes a rename in {@code dir} durable (fsync of the directory; Windows journals renames itself). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }
}
