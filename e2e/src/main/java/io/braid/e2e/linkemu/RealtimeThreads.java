package io.braid.e2e.linkemu;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Memory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the calling thread in the SCHED_FIFO real-time class (root only). Why: on two shared cores
 * busy with iperf3 and the kernel's forwarding, a normal thread woken at a packet's release time
 * often waits a scheduler slice (1-4 ms) for a CPU; a real-time thread preempts at once, which is
 * what keeps the emulator's delay error well under 1 ms. Safe because both emulator threads block
 * whenever they have nothing due, and the kernel caps real-time threads at 95 % of a CPU anyway.
 */
final class RealtimeThreads {
    private static final Logger log = LoggerFactory.getLogger(RealtimeThreads.class);
    private static final int SCHED_FIFO = 1;
    private static final int PRIORITY = 10; // low among real-time priorities: above every normal thread, below the kernel's own

    static {
        Native.register(NativeLibrary.getInstance("c"));
    }

    private RealtimeThreads() {}

    private static native int sched_setscheduler(int pid, int policy, Pointer param);

    /** Best effort: without the privilege the thread stays a normal one and the emulator still works, less precisely. */
    static void raiseCurrentThread() {
        try (Memory param = new Memory(4)) {
            param.setInt(0, PRIORITY);
            if (sched_setscheduler(0, SCHED_FIFO, param) != 0) { // pid 0: the calling thread only
                log.warn("could not make {} real-time (errno {}); its delays will be less precise", Thread.currentThread().getName(), Native.getLastError());
            }
        }
    }
}
