package io.braid.core.netcfg.linux;

/** nftables scripts that replace a whole table in one transaction: the old rules stay until the new ones are in. */
final class NftScript {
    private NftScript() {}

    /**
     * "table; delete table; table { body }" loaded with {@code nft -f} is atomic and works whether
     * or not the table exists (the first line creates it empty so the delete cannot fail).
     */
    static String replaceTable(String table, String body) {
        return "table inet " + table + "\n"
                + "delete table inet " + table + "\n"
                + "table inet " + table + " {\n" + body + "}\n";
    }
}
