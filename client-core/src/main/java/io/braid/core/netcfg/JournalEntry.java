package io.braid.core.netcfg;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A journaled change: what it was and how to undo it. One JSON line of the journal file. */
public record JournalEntry(long seq, String description, String key, String group, boolean survivesCrash, List<Step> undo) {
    public JournalEntry {
        undo = List.copyOf(undo);
    }

    @JsonIgnore
    public boolean isKillSwitch() {
        return Change.KILL_SWITCH.equals(group);
    }
}
