package io.braid.core.netcfg;

/** Prefix-length arithmetic the OS tools want spelled out (netmasks, network addresses). */
public final class Netmasks {
    private Netmasks() {}

    /** 16 → "255.255.0.0". */
    public static String ipv4Mask(int length) {
        long mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
        return (mask >> 24) + "." + ((mask >> 16) & 0xff) + "." + ((mask >> 8) & 0xff) + "." + (mask & 0xff);
    }

    /** The network a prefix's address lies in: 100.96.0.2/16 → 100.96.0.0/16. */
    public static IpPrefix network(IpPrefix prefix) {
        byte[] bytes = prefix.address().getAddress();
        for (int bit = prefix.length(); bit < bytes.length * 8; bit++) bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        try {
            return new IpPrefix(java.net.InetAddress.getByAddress(bytes), prefix.length());
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
