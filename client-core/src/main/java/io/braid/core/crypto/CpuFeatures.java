package io.braid.core.crypto;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM runs AES in hardware. HotSpot clears its product flag {@code UseAES} at start
 * when the CPU lacks AES instructions (AES-NI, ARMv8 AES), so asking the VM answers the question
 * without reading /proc/cpuinfo and works on every OS Braid ships to. ({@code UseAESIntrinsics}
 * would be more precise but is a diagnostic flag the management bean does not expose.)
 */
public final class CpuFeatures {
    private CpuFeatures() {}

    public static boolean hasAesInstructions() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseAES").getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false; // not HotSpot, or the flag is gone: assume software AES and prefer ChaCha20
        }
    }
}
