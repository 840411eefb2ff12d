package io.braid.core.netcfg.linux;

import java.nio.file.Path;

/**
 * Where Linux network configuration goes.
 *
 * @param resolvConf the resolver file edited when systemd-resolved is not used (normally /etc/resolv.conf)
 * @param resolvConfBackup where the original is kept until it is restored (in the state directory)
 * @param dnsBackend systemd-resolved, the resolver file, or detect
 * @param firstWanTable routing table of the first WAN; the next WANs use the following numbers
 * @param firstRulePriority priority of the first WAN's rule; below main's 32766, so it is consulted first
 */
public record LinuxOptions(Path resolvConf, Path resolvConfBackup, DnsBackend dnsBackend, int firstWanTable, int firstRulePriority) {

    /** How DNS settings reach the system resolver. */
    public enum DnsBackend { DETECT, SYSTEMD_RESOLVED, RESOLV_CONF }

    public static LinuxOptions defaults(Path stateDir) {
        return new LinuxOptions(Path.of("/etc/resolv.conf"), stateDir.resolve("resolv.conf.braid-backup"), DnsBackend.DETECT, 52000, 5200);
    }

    public LinuxOptions withResolvConf(Path file) {
        return new LinuxOptions(file, resolvConfBackup, DnsBackend.RESOLV_CONF, firstWanTable, firstRulePriority);
    }
}
