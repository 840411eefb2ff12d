package io.braid.core.api.messages;

/** How the data plane reaches the headend: UDP first, TCP/TLS when UDP is blocked. */
public enum Transport implements WireValue {
    UDP("udp"),
    TCP("tcp");

    private final String wire;

    Transport(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
