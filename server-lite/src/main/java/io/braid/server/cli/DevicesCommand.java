package io.braid.server.cli;

import io.braid.core.cli.TextTable;
import io.braid.core.http.JsonHttpClient;
import io.braid.server.api.AdminApi;
import io.braid.server.devices.DeviceService;
import io.braid.server.store.Device;
import io.braid.server.store.IssuedCertificate;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "devices", description = "List, inspect, disable, enable, revoke and delete enrolled devices.",
        subcommands = {DevicesCommand.ListDevices.class, DevicesCommand.Show.class, DevicesCommand.Disable.class,
                DevicesCommand.Enable.class, DevicesCommand.Revoke.class, DevicesCommand.Delete.class})
final class DevicesCommand extends CommandGroup {
    @Command(name = "list", description = "List devices.")
    static final class ListDevices extends AdminCommand {
        @Override
        public Integer call() {
            List<Device> devices;
            try (JsonHttpClient api = connection.open()) {
                devices = api.get(AdminApi.DEVICES, Output.listOf(Device.class));
            }
            return print(devices, out -> {
                TextTable table = new TextTable("ID", "NAME", "OS", "STATUS", "OVERLAY", "GROUPS", "ENROLLED");
                for (Device d : devices) {
                    table.row(d.id(), d.name(), d.os(), d.status(), d.overlayIpv4(), String.join(",", d.groups()), d.createdAt());
                }
                table.print(out);
            });
        }
    }

    @Command(name = "show", description = "Show one device with its certificates.")
    static final class Show extends AdminCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            DeviceService.Detail detail;
            try (JsonHttpClient api = connection.open()) {
                detail = api.get(AdminApi.path(AdminApi.DEVICE, id), DeviceService.Detail.class);
            }
            return print(detail, out -> {
                Device d = detail.device();
                out.println("device:   " + d.id());
                out.println("name:     " + d.name());
                out.println("os:       " + (d.os() == null ? "-" : d.os()));
                out.println("status:   " + d.status());
                out.println("overlay:  " + d.overlayIpv4() + " " + d.overlayIpv6());
                out.println("groups:   " + (d.groups().isEmpty() ? "-" : String.join(",", d.groups())));
                out.println("enrolled: " + d.createdAt() + " from " + d.enrolledFrom() + " with key " + d.enrollmentKeyId());
                out.println("seen:     " + (d.lastSeenAt() == null ? "-" : d.lastSeenAt()));
                out.println("certificates:");
                TextTable table = new TextTable("  SERIAL", "NOT AFTER", "REVOKED", "FINGERPRINT");
                for (IssuedCertificate c : detail.certificates()) {
                    table.row("  " + c.serial(), c.notAfter(), c.revokedAt() == null ? "no" : c.revokedAt(), c.fingerprint());
                }
                table.print(out);
            });
        }
    }

    /** Shared body of the state-changing device commands. */
    abstract static class Action extends AdminCommand {
        @Parameters(paramLabel = "ID")
        String id;

        abstract String action();

        @Override
        public Integer call() {
            Device d;
            try (JsonHttpClient api = connection.open()) {
                d = api.post(AdminApi.path(AdminApi.DEVICE, id) + "/" + action(), Map.of(), Device.class);
            }
            return print(d, out -> out.println("device " + d.id() + " is now " + d.status()));
        }
    }

    @Command(name = "disable", description = "Disable a device: it can no longer refresh tokens or connect.")
    static final class Disable extends Action {
        @Override
        String action() {
            return "disable";
        }
    }

    @Command(name = "enable", description = "Enable a disabled device again.")
    static final class Enable extends Action {
        @Override
        String action() {
            return "enable";
        }
    }

    @Command(name = "revoke", description = "Revoke a device's certificates (published on the CRL); permanent.")
    static final class Revoke extends Action {
        @Override
        String action() {
            return "revoke";
        }
    }

    @Command(name = "delete", description = "Delete a device (its certificates are revoked first).")
    static final class Delete extends AdminCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return delete(AdminApi.DEVICE, id, "deleted device " + id);
        }
    }
}
