package io.braid.cli.command;

import io.braid.core.enroll.CertificateRenewal;
import io.braid.core.enroll.ManagerClients;
import io.braid.core.pki.DeviceIdentity;
import io.braid.core.pki.Fingerprint;
import io.braid.core.store.DeviceCredentials;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cert", description = "Show or renew this device's certificate.",
        subcommands = {CertCommand.Show.class, CertCommand.Renew.class})
public final class CertCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What `braid cert show --json` prints. */
    record CertificateView(String deviceId, String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
            String fingerprint, boolean renewalDue) {
        static CertificateView of(DeviceCredentials c, Instant now) {
            X509Certificate cert = c.certificate();
            return new CertificateView(DeviceIdentity.deviceId(cert).orElse(c.deviceId()), cert.getSubjectX500Principal().getName(),
                    cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant(), Fingerprint.of(cert).toString(), CertificateRenewal.isDue(cert, now));
        }

        void print(PrintWriter out) {
            out.println("device:      " + deviceId);
            out.println("subject:     " + subject);
            out.println("issuer:      " + issuer);
            out.println("serial:      " + serial);
            out.println("valid:       " + notBefore + " to " + notAfter);
            out.println("fingerprint: " + fingerprint);
            out.flush();
        }
    }

    @Command(name = "show", description = "Show the device certificate.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        GlobalOptions global;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            CertificateView view = CertificateView.of(global.store().require(), Instant.now());
            if (json) {
                Json.print(spec.commandLine().getOut(), view);
            } else {
                view.print(spec.commandLine().getOut());
            }
            return 0;
        }
    }

    @Command(name = "renew", description = "Renew the device certificate now (with a new key pair).")
    static final class Renew implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        GlobalOptions global;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            CertificateRenewal renewal = new CertificateRenewal(global.store(), ManagerClients.standard(), Clock.systemUTC());
            DeviceCredentials renewed = renewal.renew(global.store().require());
            CertificateView view = CertificateView.of(renewed, Instant.now());
            if (json) {
                Json.print(spec.commandLine().getOut(), view);
            } else {
                spec.commandLine().getOut().println("renewed; new certificate valid until " + view.notAfter());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
