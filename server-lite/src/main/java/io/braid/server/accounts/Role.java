package io.braid.server.accounts;

import static io.braid.server.accounts.Permission.ACCOUNTS_READ;
import static io.braid.server.accounts.Permission.ACCOUNTS_WRITE;
import static io.braid.server.accounts.Permission.AUDIT_EXPORT;
import static io.braid.server.accounts.Permission.AUDIT_READ;
import static io.braid.server.accounts.Permission.DEVICES_READ;
import static io.braid.server.accounts.Permission.DEVICES_WRITE;
import static io.braid.server.accounts.Permission.FLEET_READ;
import static io.braid.server.accounts.Permission.KEYS_READ;
import static io.braid.server.accounts.Permission.KEYS_WRITE;
import static io.braid.server.accounts.Permission.POLICIES_READ;
import static io.braid.server.accounts.Permission.POLICIES_WRITE;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import java.util.EnumSet;
import java.util.Set;

/**
 * What each kind of account may do: the role matrix of docs/api.md, here and nowhere else.
 * The holder of the admin token acts as {@link #ADMIN}.
 */
public enum Role {
    /** Everything, including accounts and policies. */
    ADMIN("admin", EnumSet.allOf(Permission.class)),
    /** The help desk: looks after devices and enrollment keys, reads policies and the audit log. */
    OPERATOR("operator", EnumSet.of(FLEET_READ, DEVICES_READ, DEVICES_WRITE, KEYS_READ, KEYS_WRITE, POLICIES_READ, AUDIT_READ)),
    /** Reads the fleet, devices, keys and policies; changes nothing and does not see the audit log. */
    VIEWER("viewer", EnumSet.of(FLEET_READ, DEVICES_READ, KEYS_READ, POLICIES_READ)),
    /** A viewer who also reads and exports the audit log and sees who has an account. */
    AUDITOR("auditor", EnumSet.of(FLEET_READ, DEVICES_READ, KEYS_READ, POLICIES_READ, AUDIT_READ, AUDIT_EXPORT, ACCOUNTS_READ));

    private final String id;
    private final Set<Permission> permissions;

    Role(String id, Set<Permission> permissions) {
        this.id = id;
        this.permissions = Set.copyOf(permissions);
    }

    public String id() {
        return id;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean allows(Permission p) {
        return permissions.contains(p);
    }

    public static Role fromId(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        throw new BraidException(ErrorCode.BAD_INPUT, "role must be admin, operator, viewer or auditor (got " + id + ")");
    }
}
