package io.braid.core.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.testing.RecordingCommandRunner;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;

/**
 * Who may change the agent, decided from peer credentials. Users and groups are looked up by number
 * (the lookup falls back to numeric ids), so the test needs no particular accounts on the machine.
 */
class AuthorizerTest {
    private final UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();

    private UserPrincipal user(int uid) throws Exception {
        return lookup.lookupPrincipalByName(Integer.toString(uid));
    }

    private GroupPrincipal group(int gid) throws Exception {
        return lookup.lookupPrincipalByGroupName(Integer.toString(gid));
    }

    private Optional<UnixDomainPrincipal> peer(int uid, int gid) throws Exception {
        return Optional.of(new UnixDomainPrincipal(user(uid), group(gid)));
    }

    private Authorizer authorizer(int ownerUid, String writeGroup, RecordingCommandRunner ids) throws Exception {
        return new Authorizer(true, user(ownerUid), writeGroup, lookup, new GroupMembership(ids));
    }

    @Test
    void rootAndTheSocketOwnerMayWriteOthersMayNot() throws Exception {
        RecordingCommandRunner ids = new RecordingCommandRunner();
        Authorizer agentAsRoot = authorizer(0, "braid-test-absent-group", ids);
        assertThat(agentAsRoot.refusal(peer(0, 0))).isEmpty();
        assertThat(agentAsRoot.isRoot(peer(0, 0))).isTrue();
        Optional<String> refused = agentAsRoot.refusal(peer(4321, 4321));
        assertThat(refused).get().asString().contains("needs root").contains("braid-test-absent-group group").contains("try sudo");

        Authorizer perUserAgent = authorizer(4321, "braid-test-absent-group", ids);
        assertThat(perUserAgent.refusal(peer(4321, 4321))).isEmpty();
        assertThat(perUserAgent.refusal(peer(4322, 4321))).isPresent();
        assertThat(perUserAgent.isRoot(peer(4321, 4321))).isFalse();
    }

    @Test
    void theWriteGroupCountsAsPrimaryOrSupplementaryGroup() throws Exception {
        String groupName = group(0).getName(); // gid 0 exists everywhere; its name varies (root, wheel)
        RecordingCommandRunner ids = new RecordingCommandRunner()
                .answer("id -Gn -- 4323", "users " + groupName + "\n")
                .answer("id -Gn -- 4324", "users\n");
        Authorizer a = authorizer(0, groupName, ids);
        assertThat(a.refusal(peer(4322, 0))).as("primary group").isEmpty();
        assertThat(a.refusal(peer(4323, 4323))).as("supplementary group").isEmpty();
        assertThat(a.refusal(peer(4324, 4324))).as("not a member").isPresent();
    }

    @Test
    void withoutPeerCredentialsOnlyPlatformsThatLackThemGrantWrite() throws Exception {
        RecordingCommandRunner ids = new RecordingCommandRunner();
        assertThat(authorizer(0, "braid", ids).refusal(Optional.empty())).get().asString().contains("could not tell who you are");
        Authorizer windows = new Authorizer(false, user(0), "braid", lookup, new GroupMembership(ids));
        assertThat(windows.refusal(Optional.empty())).as("the socket ACL already admitted only trusted users").isEmpty();
    }

    @Test
    void aFailingGroupLookupDeniesRatherThanGrants() throws Exception {
        String groupName = group(0).getName();
        RecordingCommandRunner failing = new RecordingCommandRunner().answer("id -Gn", 1, "", "id: '4325': no such user");
        assertThat(authorizer(0, groupName, failing).refusal(peer(4325, 4325))).isPresent();
    }
}
