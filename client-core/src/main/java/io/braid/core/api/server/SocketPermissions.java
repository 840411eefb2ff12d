package io.braid.core.api.server;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the socket at all. On Unix everyone (0666): connecting needs write permission
 * on the file, and reading status is for every local user; the {@link Authorizer} then decides per
 * request from the peer's credentials. On Windows, which gives no peer credentials, the file's ACL is
 * the whole check: the owner, Administrators and the write group, nobody else.
 */
final class SocketPermissions {
    private static final Logger log = LoggerFactory.getLogger(SocketPermissions.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private SocketPermissions() {}

    static void apply(Path socket, String writeGroup) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            return;
        }
        AclFileAttributeView view = Files.getFileAttributeView(socket, AclFileAttributeView.class);
        if (view == null) {
            log.warn("{} has neither POSIX permissions nor an ACL; every local user may change the agent", socket);
            return;
        }
        UserPrincipalLookupService lookup = socket.getFileSystem().getUserPrincipalLookupService();
        List<AclEntry> acl = new ArrayList<>();
        acl.add(fullControl(Files.getOwner(socket)));
        for (String group : List.of("Administrators", writeGroup)) {
            try {
                acl.add(fullControl(lookup.lookupPrincipalByGroupName(group)));
            } catch (IOException e) {
                log.info("no group {} on this machine; it gets no access to {}", group, socket);
            }
        }
        view.setAcl(acl);
    }

    private static AclEntry fullControl(UserPrincipal who) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(who).setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
    }
}
