package io.braid.core.protocol.fuzz;

/**
 * The few choices the fuzz targets make from their input, so one target runs under Jazzer's
 * {@code FuzzedDataProvider} and under a seeded {@link java.util.SplittableRandom} alike.
 */
public interface FuzzInput {
    int consumeInt(int min, int max);

    boolean consumeBoolean();

    byte[] consumeBytes(int max);

    int remainingBytes();
}
