package io.braid.core.api.server;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket's place in the file system: its directory, what a crashed agent left there, and removal
 * of exactly the file this agent bound (never a newer agent's).
 */
final class SocketFile {
    private static final Logger log = LoggerFactory.getLogger(SocketFile.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SocketFile() {}

    /**
     * Makes the directory (0755: everyone may reach the socket, only the agent's user may add files),
     * and clears a stale socket from an agent that died without removing it. Refuses when another
     * agent still answers there, or when the path holds something that is not a socket.
     */
    static void prepare(Path socket) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (POSIX) {
                // Set after creation: a umask like 077 would otherwise lock other users out of the socket.
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attrs.isOther()) {
            throw new BraidException(ErrorCode.CONFLICT, socket + " exists and is not a socket; remove it or choose another --socket");
        }
        if (answers(socket)) {
            throw new BraidException(ErrorCode.CONFLICT, "another Braid agent is already running on " + socket);
        }
        Files.deleteIfExists(socket);
        log.info("removed the stale socket {} left by an agent that did not stop cleanly", socket);
    }

    /** True when something accepts connections on {@code socket}. */
    static boolean answers(Path socket) {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The identity of the file now at {@code socket} (inode on Unix), to recognise it at removal. */
    static Object fileKey(Path socket) {
        try {
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key != null ? key : Files.getLastModifiedTime(socket, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the socket if it is still the file this agent bound ({@code key}); another agent's is left alone. */
    static void remove(Path socket, Object key) {
        try {
            if (key != null && key.equals(fileKey(socket))) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            log.warn("could not remove the socket {}: {}", socket, e.toString());
        }
    }
}
