package io.braid.core.crypto;

/**
 * Which end of a session this is. The initiator is the client agent (it opened the TLS control
 * connection); the responder is the headend. The role picks which derived key seals and which
 * opens, so the two directions never share a key.
 */
public enum Role {
    INITIATOR,
    RESPONDER;

    public Role peer() {
        return this == INITIATOR ? RESPONDER : INITIATOR;
    }
}
