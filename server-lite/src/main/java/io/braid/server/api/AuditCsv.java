package io.braid.server.api;

import io.braid.server.store.AuditEntry;
import java.util.List;

/**
 * Audit entries as RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or CR) get a leading apostrophe: a device name or a refused username is attacker-chosen
 * text, and an auditor opening the export must not execute it.
 */
final class AuditCsv {
    private AuditCsv() {}

    static String write(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder("id,at,actor,action,target,source,outcome,details\r\n");
        for (AuditEntry e : entries) {
            row(out, e.id(), e.at().toString(), e.actor(), e.action(), e.target(), e.source(), e.outcome(), e.details());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
