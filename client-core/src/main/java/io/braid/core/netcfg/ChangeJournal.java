package io.braid.core.netcfg;

import io.braid.core.store.AtomicFiles;
import io.braid.core.store.OwnerOnly;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash journal: an append-only file of JSON lines in the state directory, one per OS change,
 * each written and fsynced BEFORE the change is applied, holding the steps that undo it.
 *
 * <p>Whoever opens the journal holds an exclusive lock on {@code netcfg.lock} beside it until it is
 * closed. The OS drops the lock when a process dies, so a process that gets the lock knows the
 * journal's writer is gone and its entries are leftovers to reconcile.
 */
public final class ChangeJournal implements Closeable {
    public static final String FILE_NAME = "netcfg-journal.jsonl";
    public static final String LOCK_NAME = "netcfg.lock";
    private static final Logger log = LoggerFactory.getLogger(ChangeJournal.class);
    private static final ObjectMapper json = new ObjectMapper();

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long nextSeq;

    private ChangeJournal(Path file, FileChannel lockChannel, FileLock lock) throws IOException {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.nextSeq = entries().stream().mapToLong(JournalEntry::seq).max().orElse(0) + 1;
    }

    /** Opens (creating owner-only) the journal in {@code stateDir}; fails if a live process holds it. */
    public static ChangeJournal open(Path stateDir) throws IOException {
        if (!Files.isDirectory(stateDir)) {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(stateDir);
            }
        }
        FileChannel channel = FileChannel.open(stateDir.resolve(LOCK_NAME),
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.fileAttributes());
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another Braid agent is running with state directory " + stateDir
                    + " (it holds " + LOCK_NAME + "); stop it first");
        }
        return new ChangeJournal(stateDir.resolve(FILE_NAME), channel, lock);
    }

    /** Every entry in the order written. A torn last line (crash mid-append) is skipped: its change was never applied. */
    public synchronized List<JournalEntry> entries() throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) return entries;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                entries.add(json.readValue(line, JournalEntry.class));
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    log.warn("ignoring a torn last journal line in {}", file);
                } else {
                    throw new IOException("journal " + file + " line " + (i + 1) + " is damaged: " + e.getOriginalMessage(), e);
                }
            }
        }
        return entries;
    }

    /** Appends the undo record of a change about to be applied and forces it to disk. */
    public synchronized JournalEntry append(Change change) throws IOException {
        JournalEntry entry = new JournalEntry(nextSeq++, change.description(), change.key(), change.group(), change.survivesCrash(), change.undo());
        byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                OwnerOnly.fileAttributes())) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) ch.write(buffer);
            ch.force(true);
        }
        if (created) AtomicFiles.syncDirectory(file.getParent());
        return entry;
    }

    /** Replaces the journal with {@code keep} (atomically); an empty list leaves an empty journal. */
    public synchronized void rewrite(List<JournalEntry> keep) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JournalEntry e : keep) text.append(json.writeValueAsString(e)).append('\n');
        AtomicFiles.write(file, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (lock.isValid()) lock.release();
        lockChannel.close();
    }
}
