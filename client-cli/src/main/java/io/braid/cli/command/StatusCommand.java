package io.braid.cli.command;

import io.braid.core.BraidException;
import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.store.DeviceCredentials;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = "Show this device's enrollment and certificate state.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** What `braid status --json` prints; field names are a contract for scripts. */
    record Status(String state, String deviceId, String name, String server, String overlayIpv4, String overlayIpv6,
            List<String> headends, List<String> routes, CertificateStatus certificate, Instant tokenExpiresAt, String stateDir) {}

    record CertificateStatus(Instant notAfter, long daysLeft, boolean renewalDue, String warning, boolean renewedNow) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<DeviceCredentials> loaded = global.store().load();
        if (loaded.isEmpty()) {
            Status s = new Status("not_enrolled", null, null, null, null, null, List.of(), List.of(), null, null, global.stateDir().toString());
            if (json) {
                Json.print(out, s);
            } else {
                out.println("not enrolled (state directory " + global.stateDir() + "); run: braid enroll LINK");
                out.flush();
            }
            return 0;
        }
        DeviceCredentials c = loaded.get();
        boolean renewed = false;
        Instant now = Instant.now();
        if (CertificateRenewal.isDue(c.certificate(), now)) {
            // Renewal happens by itself once a third of the lifetime is left; a failure is reported, not fatal.
            try {
                c = new CertificateRenewal(global.store(), ManagerClients.standard(), Clock.systemUTC()).renew(c);
                renewed = true;
            } catch (BraidException e) {
                err.println("warning: automatic certificate renewal failed: " + e.getMessage());
                err.flush();
            }
        }
        Instant notAfter = c.certificate().getNotAfter().toInstant();
        long daysLeft = Duration.between(now, notAfter).toDays();
        CertificateStatus cert = new CertificateStatus(notAfter, daysLeft, CertificateRenewal.isDue(c.certificate(), now),
                expiryWarning(daysLeft), renewed);
        Status s = new Status("enrolled", c.deviceId(), c.name(), c.server().toString(), c.settings().overlayIpv4(),
                c.settings().overlayIpv6(), c.settings().headends().stream().map(Object::toString).toList(), c.settings().routes(),
                cert, c.token() == null ? null : c.token().expiresAt(), global.stateDir().toString());
        if (json) {
            Json.print(out, s);
            return 0;
        }
        out.println("state:       enrolled");
        out.println("device:      " + s.deviceId() + " (" + s.name() + ")");
        out.println("server:      " + s.server());
        out.println("overlay:     " + s.overlayIpv4() + " " + s.overlayIpv6());
        out.println("headends:    " + String.join(", ", s.headends()));
        out.println("routes:      " + (s.routes().isEmpty() ? "-" : String.join(", ", s.routes())));
        out.println("certificate: valid until " + notAfter + " (" + daysLeft + " days)" + (renewed ? ", renewed just now" : ""));
        if (cert.warning() != null) {
            out.println("warning:     " + cert.warning());
        }
        out.flush();
        return 0;
    }

    /** Warnings at 30, 7 and 1 days before expiry, as users of other VPNs expect. */
    static String expiryWarning(long daysLeft) {
        if (daysLeft < 0) {
            return "the device certificate has expired; run braid cert renew or enroll again";
        }
        for (long threshold : new long[] {1, 7, 30}) {
            if (daysLeft <= threshold) {
                return "the device certificate expires within " + threshold + (threshold == 1 ? " day" : " days");
            }
        }
        return null;
    }
}
