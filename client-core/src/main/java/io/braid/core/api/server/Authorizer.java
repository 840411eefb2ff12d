package io.braid.core.api.server;

import java.io.IOException;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;

/**
 * Who may change the agent. Anyone who can connect may read (status, watch, logs, version): the
 * socket is world-writable on purpose, like tailscaled's. Changing methods (up, down, enroll...) need
 * the caller's kernel-reported credentials (SO_PEERCRED) to show one of:
 * <ul>
 *   <li>root (uid 0);
 *   <li>the user who owns the socket, i.e. who runs the agent (a per-user agent serves its user);
 *   <li>the write group ({@code braid} by default) as primary group or in the group database.
 * </ul>
 * Where the OS gives no peer credentials (Windows), connecting at all is the check: the socket's ACL
 * admits only its owner, Administrators and the write group, so every connection may write.
 */
public final class Authorizer {
    private final boolean peerCredentialsExpected;
    private final UserPrincipal root;
    private final UserPrincipal owner;
    private final String writeGroup;
    private final Optional<GroupPrincipal> writeGroupPrincipal;
    private final GroupMembership membership;

    public Authorizer(boolean peerCredentialsExpected, UserPrincipal owner, String writeGroup, UserPrincipalLookupService lookup,
            GroupMembership membership) throws IOException {
        this.peerCredentialsExpected = peerCredentialsExpected;
        this.owner = owner;
        this.writeGroup = writeGroup;
        this.membership = membership;
        // "0" finds uid 0 whatever the superuser is called; the lookup falls back to numeric ids.
        this.root = peerCredentialsExpected ? lookup.lookupPrincipalByName("0") : null;
        this.writeGroupPrincipal = group(lookup, writeGroup);
    }

    private static Optional<GroupPrincipal> group(UserPrincipalLookupService lookup, String name) {
        try {
            return Optional.of(lookup.lookupPrincipalByGroupName(name));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // no such group here: nobody gets write access through it
        }
    }

    /** True for a caller with uid 0. */
    public boolean isRoot(Optional<UnixDomainPrincipal> peer) {
        return peer.isPresent() && peer.get().user().equals(root);
    }

    /** Empty when {@code peer} may use changing methods, otherwise why not, in words for the caller. */
    public Optional<String> refusal(Optional<UnixDomainPrincipal> peer) {
        if (peer.isEmpty()) {
            return peerCredentialsExpected
                    ? Optional.of("the agent could not tell who you are, so it only answers reading requests")
                    : Optional.empty();
        }
        UserPrincipal user = peer.get().user();
        if (user.equals(root) || user.equals(owner)) {
            return Optional.empty();
        }
        if (writeGroupPrincipal.isPresent()
                && (peer.get().group().equals(writeGroupPrincipal.get()) || membership.isMember(user.getName(), writeGroup))) {
            return Optional.empty();
        }
        return Optional.of("this changes the tunnel, which needs root, the agent's user (" + owner.getName() + ") or the "
                + writeGroup + " group; you are " + user.getName() + " (try sudo)");
    }
}
