package io.braid.e2e.testbed.control;

import io.braid.e2e.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The Java half of {@code scripts/testbed.sh}:
 * <pre>
 *   serve DIR [WAN_SPEC...]   build a testbed (see {@link LinkSpecs}; default one plain WAN), host its
 *                             emulators, write DIR/namespaces and DIR/status, answer on DIR/control.sock
 *                             until "down" or SIGTERM, then remove everything
 *   send DIR COMMAND...       send one command (see {@link ControlCommands}) and print the answer
 * </pre>
 * Exit codes: 0 ok, 1 the command failed, 2 bad usage.
 */
public final class TestbedCli {
    private TestbedCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) usage();
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "serve" -> serve(dir, Arrays.copyOfRange(args, 2, args.length));
            case "send" -> {
                String answer = ControlServer.send(dir.resolve("control.sock"), String.join(" ", Arrays.copyOfRange(args, 2, args.length)));
                boolean ok = answer.startsWith("ok");
                String body = ok ? answer.substring(2).stripLeading() : answer;
                (ok ? System.out : System.err).print(body);
                System.exit(ok ? 0 : 1);
            }
            default -> usage();
        }
    }

    private static void serve(Path dir, String[] wans) throws Exception {
        Testbed.Builder builder = Testbed.builder();
        try {
            if (wans.length == 0) builder.wan(LinkSpecs.parse("plain"));
            for (String wan : wans) builder.wan(LinkSpecs.parse(wan));
        } catch (IllegalArgumentException e) { // bad input: one line, nothing built
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        try (Testbed testbed = builder.build();
             ControlServer control = ControlServer.open(dir.resolve("control.sock"), new ControlCommands(testbed)::execute)) {
            Files.writeString(dir.resolve("namespaces"), "client " + testbed.client().name() + "\nrouter " + testbed.router().name()
                    + "\nheadend " + testbed.headend().name() + "\nlan " + testbed.lan().name() + "\n");
            Files.writeString(dir.resolve("status"), testbed.describe()); // last: the script waits for this file
            control.awaitDown();
        }
    }

    private static void usage() {
        System.err.println("usage: TestbedCli serve DIR [WAN_SPEC...] | send DIR COMMAND...");
        System.exit(2);
    }
}
