package io.braid.core.api.messages;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose constants travel as explicit, stable strings: what the JSON carries is {@link #wire()},
 * never the ordinal or the Java name, so constants can be reordered or renamed without breaking clients.
 */
public interface WireValue {
    @JsonValue
    String wire();
}
