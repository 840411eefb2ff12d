package io.braid.core.bond;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks up the constant of a small enum by its explicit wire/CLI name. Each bonding enum spells its
 * names out in its constructor (never derived from {@code name()} or {@code ordinal()}), so renaming
 * a Java constant can never change what a script or a peer sees.
 */
public final class WireNames {
    private WireNames() {}

    /** The constant whose wire name is {@code name}; otherwise an error that lists the valid names. */
    public static <E> E parse(E[] values, Function<E, String> wireName, String name, String what) {
        for (E value : values) {
            if (wireName.apply(value).equals(name)) return value;
        }
        String valid = Arrays.stream(values).map(wireName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(what + " '" + name + "' is not one of " + valid);
    }
}
