package io.braid.core.api.messages;

/**
 * {@code down}: take the tunnel down and undo its network changes.
 *
 * @param force also undo what a crashed run left behind (routes, DNS, firewall rules from the change
 *     journal), including a {@code lockdown} kill switch
 */
public record DownRequest(Boolean force) {
    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
