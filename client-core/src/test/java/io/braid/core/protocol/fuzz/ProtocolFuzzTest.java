package io.braid.core.protocol.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.braid.core.testing.SessionPair;

/**
 * Jazzer fuzz tests of every wire parser. Plain {@code mvn test} runs them in Jazzer's regression
 * mode (the inputs under src/test/resources/.../ProtocolFuzzTestInputs); {@code
 * scripts/fuzz-protocol.sh} fuzzes each for real (coverage-guided, {@code JAZZER_FUZZ=1}), and the
 * build fuzzes each for a few seconds (see client-core/pom.xml). {@link ProtocolRandomInputTest}
 * adds a bounded seeded-random run of the same targets to every build.
 */
class ProtocolFuzzTest {
    private static final SessionPair PAIR = ProtocolFuzzTargets.pair();

    @FuzzTest(maxDuration = "5s")
    void unauthenticatedDatagrams(FuzzedDataProvider data) {
        boolean mutateValid = data.consumeBoolean();
        ProtocolFuzzTargets.unauthenticatedDatagram(PAIR, data.consumeRemainingAsBytes(), mutateValid);
    }

    @FuzzTest(maxDuration = "5s")
    void authenticatedHostileBodies(FuzzedDataProvider data) {
        ProtocolFuzzTargets.authenticatedHostileBodies(PAIR, new FuzzInput() {
            @Override
            public int consumeInt(int min, int max) {
                return data.consumeInt(min, max);
            }

            @Override
            public boolean consumeBoolean() {
                return data.consumeBoolean();
            }

            @Override
            public byte[] consumeBytes(int max) {
                return data.consumeBytes(max);
            }

            @Override
            public int remainingBytes() {
                return data.remainingBytes();
            }
        });
    }

    @FuzzTest(maxDuration = "5s")
    void bodyParsers(byte[] data) {
        ProtocolFuzzTargets.bodyParsers(data);
    }
}
