package io.braid.core.api.server;

import io.braid.core.netcfg.CommandResult;
import io.braid.core.netcfg.CommandRunner;
import io.braid.core.netcfg.ProcessCommandRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a user belongs to a group through the group database (supplementary membership). Java has
 * no getgrouplist, so this asks {@code id -Gn USER}, which exists on Linux and macOS and also sees
 * directory-service groups (macOS Open Directory, LDAP via NSS) that a parser of /etc/group would miss.
 * It answers from the database, like polkit and sudo do, not from the caller's process credentials.
 */
public final class GroupMembership {
    private static final Logger log = LoggerFactory.getLogger(GroupMembership.class);

    private final CommandRunner runner;

    public GroupMembership(CommandRunner runner) {
        this.runner = runner;
    }

    public static GroupMembership system() {
        return new GroupMembership(new ProcessCommandRunner(Duration.ofSeconds(2)));
    }

    public boolean isMember(String user, String group) {
        try {
            CommandResult r = runner.execute(java.util.List.of("id", "-Gn", "--", user), null);
            if (r.exitCode() != 0) {
                log.debug("id -Gn {} failed: {}", user, r.stderr().strip());
                return false;
            }
            return Arrays.asList(r.stdout().strip().split("\\s+")).contains(group);
        } catch (IOException e) {
            log.debug("id -Gn {} could not run: {}", user, e.toString());
            return false;
        }
    }
}
