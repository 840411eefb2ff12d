package io.braid.cli.command;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.enroll.Enrollment;
import io.braid.core.enroll.EnrollmentKeys;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.pki.Fingerprint;
import io.braid.core.store.DeviceCredentials;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "enroll", description = {
        "Enroll this device with a Braid server: makes a key pair here, sends a certificate request with the enrollment key,",
        "and trusts the server only through the pinned CA fingerprint.",
        "Usage: braid enroll LINK  |  braid enroll --server URL --key KEY --ca-fingerprint sha256:HEX"})
public final class EnrollCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LINK", description = "A braid://HOST:PORT/enroll?key=...&ca=sha256:... link.")
    String link;

    @Option(names = "--server", paramLabel = "URL", description = "Manager address, like https://vpn.example.com:8443.")
    String server;

    @Option(names = "--key", paramLabel = "KEY", description = "Enrollment key, or file:PATH to read it; default $BRAID_ENROLL_KEY.")
    String key;

    @Option(names = "--ca-fingerprint", paramLabel = "sha256:HEX", description = "Fingerprint of the server's CA to pin.")
    String caFingerprint;

    @Option(names = "--name", paramLabel = "NAME", description = "Name for this device (default: the host name).")
    String name;

    @Option(names = "--force", description = "Enroll again even if this state directory already holds an identity.")
    boolean force;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** What `braid enroll --json` prints. */
    record Result(String deviceId, String name, String server, String overlayIpv4, String overlayIpv6, Instant certificateExpires,
            String stateDir) {}

    @Override
    public Integer call() {
        EnrollmentLink target = target();
        Enrollment enrollment = new Enrollment(global.store(), ManagerClients.standard(), Clock.systemUTC());
        DeviceCredentials c = enrollment.enroll(target, name != null ? name : hostName(), osDescription(), force);
        PrintWriter out = spec.commandLine().getOut();
        Result result = new Result(c.deviceId(), c.name(), c.server().toString(), c.settings().overlayIpv4(), c.settings().overlayIpv6(),
                c.certificate().getNotAfter().toInstant(), global.stateDir().toString());
        if (json) {
            Json.print(out, result);
        } else {
            out.println("enrolled as " + c.deviceId() + " (" + c.name() + ") with " + c.server());
            out.println("overlay address " + c.settings().overlayIpv4() + ", certificate valid until " + result.certificateExpires());
            out.flush();
        }
        return 0;
    }

    private EnrollmentLink target() {
        if (link != null) {
            if (server != null || caFingerprint != null || key != null) {
                throw new BraidException(ErrorCode.BAD_INPUT, "give either an enrollment link or --server/--key/--ca-fingerprint, not both");
            }
            return EnrollmentLink.parse(link);
        }
        if (server == null || caFingerprint == null) {
            throw new BraidException(ErrorCode.BAD_INPUT, "give an enrollment link, or --server URL and --ca-fingerprint sha256:HEX");
        }
        Fingerprint pin;
        try {
            pin = Fingerprint.parse(caFingerprint);
        } catch (IllegalArgumentException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "--ca-fingerprint: " + e.getMessage());
        }
        return new EnrollmentLink(serverUri(server), EnrollmentKeys.resolve(key, System.getenv()), pin);
    }

    static URI serverUri(String text) {
        String t = text.trim();
        if (!t.contains("://")) {
            t = "https://" + t;
        }
        try {
            URI u = new URI(t);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new BraidException(ErrorCode.BAD_INPUT, "--server must be an https:// address with a host, like https://vpn.example.com:8443");
            }
            int port = u.getPort() == -1 ? io.braid.core.manager.ManagerApi.DEFAULT_PORT : u.getPort();
            return new URI("https", null, u.getHost(), port, "/", null, null);
        } catch (java.net.URISyntaxException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "--server is not a valid address: " + e.getReason());
        }
    }

    static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "device" : h;
        } catch (UnknownHostException e) {
            return "device";
        }
    }

    static String osDescription() {
        return (System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")).trim().toLowerCase(Locale.ROOT);
    }
}
