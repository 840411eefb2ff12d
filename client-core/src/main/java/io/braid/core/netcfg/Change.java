package io.braid.core.netcfg;

import java.util.List;

/**
 * One OS change with the exact steps that undo it. The undo steps are journaled before the apply
 * steps run, so whatever point a crash interrupts, a later process can put the system back.
 *
 * @param description what the change does, for logs ("route 0.0.0.0/1 via braid0")
 * @param key names what the change sets (e.g. "dns"), or null: applying a change whose key is
 *     already applied first undoes the older one, except for the kill switch, whose new rules
 *     replace the old ones in one transaction (no gap) so the older entry is simply dropped
 * @param group what the change belongs to: the kill switch has its own group so it can be lifted alone
 * @param survivesCrash true only for a lockdown kill switch: reconcile and clean stops leave it in place
 */
public record Change(String description, String key, List<Step> apply, List<Step> undo, String group, boolean survivesCrash) {
    public static final String KILL_SWITCH = "kill-switch";
    public static final String NETWORK = "network";

    public Change {
        apply = List.copyOf(apply);
        undo = List.copyOf(undo);
    }

    /** An ordinary change (undone at stop and after a crash) made of one command and its inverse. */
    public static Change command(String description, List<String> apply, List<String> undo) {
        return new Change(description, null, List.of(new Step.Run(apply, null)), List.of(new Step.Run(undo, null)), NETWORK, false);
    }
}
