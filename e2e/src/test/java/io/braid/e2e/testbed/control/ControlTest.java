package io.braid.e2e.testbed.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.testing.RootOnly;
import io.braid.e2e.linkemu.Impairment;
import io.braid.e2e.testbed.Cut;
import io.braid.e2e.testbed.LinkSpec;
import io.braid.e2e.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The script's control channel: text commands over the Unix socket change the live testbed. */
class ControlTest {
    private static Testbed testbed;
    private static ControlServer server;
    private static Path socket;

    @BeforeAll
    static void build() throws Exception {
        RootOnly.assumeLinuxRoot();
        testbed = Testbed.builder().wan(LinkSpec.plain().emulated()).wan(LinkSpec.plain()).build();
        socket = testbed.workDir().resolve("control.sock");
        server = ControlServer.open(socket, new ControlCommands(testbed)::execute);
    }

    @AfterAll
    static void close() throws Exception {
        if (server != null) server.close();
        if (testbed != null) testbed.close();
    }

    private static String send(String command) throws Exception {
        return ControlServer.send(socket, command);
    }

    @Test
    void changesDelayJitterRateLossAndOutagesLive() throws Exception {
        assertThat(send("wan 1 delay 20")).startsWith("ok");
        assertThat(send("wan 1 jitter 4 reorder")).startsWith("ok").contains("delay 20 ms, jitter ±4 ms (reordering)");
        assertThat(testbed.wan(1).emulator().downImpairment()).isEqualTo(new Impairment(Duration.ofMillis(20), Duration.ofMillis(4), true));
        assertThat(send("wan 2 rate 30")).startsWith("ok").contains("rate 30.0 Mbit/s");
        assertThat(testbed.client().exec("tc", "qdisc", "show", "dev", "wan2")).contains("tbf").contains("30Mbit");
        assertThat(send("wan 2 loss 2.5")).startsWith("ok");
        assertThat(testbed.router().exec("nft", "list", "table", "inet", "braid_links")).contains("numgen random mod 10000 < 250");
        assertThat(send("wan 1 outage start")).startsWith("ok").contains("OUTAGE");
        assertThat(send("wan 1 outage end")).doesNotContain("OUTAGE");
        send("wan 1 delay 0");
        send("wan 1 jitter 0");
        send("wan 2 rate 0");
        send("wan 2 loss 0");
    }

    @Test
    void cutsAndRestores() throws Exception {
        assertThat(send("wan 2 cut down")).startsWith("ok").contains("link_down");
        assertThat(testbed.wan(2).cut()).isEqualTo(Cut.LINK_DOWN);
        assertThat(send("wan 2 restore")).startsWith("ok").contains(": up");
        assertThat(testbed.wan(2).cut()).isNull();
    }

    @Test
    void badCommandsAreRefusedWithAReasonAndChangeNothing() throws Exception {
        assertThat(send("wan 3 delay 5")).startsWith("error: no WAN '3'");
        assertThat(send("wan 2 delay 5")).startsWith("error: wan2 was built without the link emulator");
        assertThat(send("wan 1 delay soon")).startsWith("error:").contains("not a number");
        assertThat(send("fly")).startsWith("error: unknown command 'fly'");
        assertThat(send("status")).startsWith("ok").contains(testbed.client().name());
        assertThat(Files.exists(socket)).isTrue();
    }
}
