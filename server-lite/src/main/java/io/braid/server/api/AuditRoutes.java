package io.braid.server.api;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.audit.AuditLog;
import io.braid.server.store.AuditEntry;
import io.braid.server.store.AuditFilter;
import io.braid.server.store.AuditRepository;
import io.braid.server.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/** Reading the audit log with filters, and exporting it as CSV (the export is itself audited). */
final class AuditRoutes {
    private static final Set<String> PARAMETERS = Set.of("actor", "action", "target", "outcome", "since", "until", "q", "limit");
    private static final int MAX_LIST = 10_000;
    private static final int MAX_EXPORT = 100_000;

    private final Database db;
    private final AuditRepository log;
    private final AuditLog audit;
    private final Clock clock;

    AuditRoutes(Database db, AuditRepository log, AuditLog audit, Clock clock) {
        this.db = db;
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get(AdminApi.AUDIT, ctx -> {
            AuditFilter filter = filter(ctx);
            int limit = limit(ctx.queryParam("limit"), 100, MAX_LIST);
            Exchange.json(ctx, 200, db.read(c -> log.search(c, filter, limit)));
        });
        routes.get(AdminApi.AUDIT_EXPORT, ctx -> {
            AuditFilter filter = filter(ctx);
            int limit = limit(ctx.queryParam("limit"), MAX_EXPORT, MAX_EXPORT);
            List<AuditEntry> entries = db.inTransaction(c -> {
                List<AuditEntry> found = log.search(c, filter, limit);
                audit.record(c, AdminRoutes.actor(ctx), "audit.export", null, AuditLog.SUCCESS,
                        "entries=" + found.size() + " filter=" + describe(filter));
                return found;
            });
            String name = "braid-audit-" + clock.instant().toString().replace(":", "").replaceAll("\\.\\d+", "") + ".csv";
            ctx.status(200).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .result(AuditCsv.write(entries));
        });
    }

    private static AuditFilter filter(Context ctx) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BraidException(ErrorCode.BAD_INPUT, "unknown query parameter '" + name + "'; filters are " + PARAMETERS);
            }
        }
        String outcome = text(ctx, "outcome");
        if (outcome != null && !outcome.equals(AuditLog.SUCCESS) && !outcome.equals(AuditLog.FAILURE)) {
            throw new BraidException(ErrorCode.BAD_INPUT, "outcome is success or failure");
        }
        return new AuditFilter(text(ctx, "actor"), text(ctx, "action"), text(ctx, "target"), outcome, time(ctx, "since"),
                time(ctx, "until"), text(ctx, "q"));
    }

    private static String text(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw new BraidException(ErrorCode.BAD_INPUT, "query parameter '" + name + "' is given more than once");
        }
        String v = values.isEmpty() ? null : values.getFirst().strip();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > 128 || v.chars().anyMatch(Character::isISOControl)) {
            throw new BraidException(ErrorCode.BAD_INPUT, name + " has at most 128 printable characters");
        }
        return v;
    }

    private static Instant time(Context ctx, String name) {
        String v = text(ctx, name);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, name + " must be an ISO-8601 time like 2026-01-31T12:00:00Z");
        }
    }

    static int limit(String text, int byDefault, int max) {
        if (text == null) {
            return byDefault;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BraidException(ErrorCode.BAD_INPUT, "limit must be a number from 1 to " + max);
    }

    private static String describe(AuditFilter f) {
        StringBuilder s = new StringBuilder();
        append(s, "actor", f.actor());
        append(s, "action", f.action());
        append(s, "target", f.target());
        append(s, "outcome", f.outcome());
        append(s, "since", f.since());
        append(s, "until", f.until());
        append(s, "q", f.text());
        return s.isEmpty() ? "none" : s.toString().strip();
    }

    private static void append(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(' ').append(name).append('=').append(value);
        }
    }
}
