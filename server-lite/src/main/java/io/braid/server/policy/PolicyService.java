package io.braid.server.policy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.audit.AuditLog;
import io.braid.server.enroll.Ids;
import io.braid.server.events.ManagerEvents;
import io.braid.server.events.PolicyChanged;
import io.braid.server.store.CounterRepository;
import io.braid.server.store.Database;
import io.braid.server.store.PolicyRepository;
import io.braid.server.store.PolicyRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The access policy: rules saying which device groups may reach which networks, ports and protocols.
 * The headend enforces them (it reloads on {@code policy.*} events); this class keeps them valid,
 * audited, and free of duplicates. A fresh server starts with one rule per declared route for group
 * {@code *} (every device may reach every route, as before policies existed), written once, so an
 * admin can narrow or delete them and they stay that way.
 */
public final class PolicyService {
    static final String SEEDED_SETTING = "policy_seeded";
    private static final int MAX_RULES = 10_000;

    private final Database db;
    private final PolicyRepository rules;
    private final CounterRepository settings;
    private final AuditLog audit;
    private final ManagerEvents events;
    private final Clock clock;

    public PolicyService(Database db, PolicyRepository rules, CounterRepository settings, AuditLog audit, ManagerEvents events, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Writes the default rules on a server's first start (not on later ones, even if every rule was deleted since). */
    public void seedDefaults(List<String> routes) {
        db.inTransaction(c -> {
            if (settings.setting(c, SEEDED_SETTING).isPresent()) {
                return null;
            }
            settings.settingIfAbsent(c, SEEDED_SETTING, "true");
            AuditLog.Actor system = new AuditLog.Actor("system", "startup");
            for (String route : routes) {
                PolicyRule rule = newRule(new RuleValidator.RuleRequest(PolicyRule.EVERY_GROUP, route, "any", null, null,
                        "default: every device may reach the declared route"), system.name());
                rules.insert(c, rule);
                audit.record(c, system, "policy.create", rule.id(), AuditLog.SUCCESS, describe(rule));
            }
            return null;
        });
    }

    public List<PolicyRule> list() {
        return db.read(rules::list);
    }

    public PolicyRule create(RuleValidator.RuleRequest request, AuditLog.Actor actor) {
        PolicyRule rule = newRule(RuleValidator.validate(request), actor.name());
        db.inTransaction(c -> {
            List<PolicyRule> existing = rules.list(c);
            if (existing.size() >= MAX_RULES) {
                throw new BraidException(ErrorCode.CONFLICT, "there are already " + MAX_RULES + " rules");
            }
            refuseDuplicate(existing, rule);
            rules.insert(c, rule);
            audit.record(c, actor, "policy.create", rule.id(), AuditLog.SUCCESS, describe(rule));
            return null;
        });
        events.publish(new PolicyChanged(PolicyChanged.CREATED, rule.id(), rule));
        return rule;
    }

    public PolicyRule replace(String id, RuleValidator.RuleRequest request, AuditLog.Actor actor) {
        RuleValidator.RuleRequest valid = RuleValidator.validate(request);
        PolicyRule updated = db.inTransaction(c -> {
            PolicyRule old = find(c, id);
            PolicyRule rule = new PolicyRule(id, valid.group(), valid.destination(), valid.protocol(), valid.portFrom(), valid.portTo(),
                    valid.description(), old.createdAt(), old.createdBy(), now());
            refuseDuplicate(rules.list(c).stream().filter(r -> !r.id().equals(id)).toList(), rule);
            rules.update(c, rule);
            audit.record(c, actor, "policy.update", id, AuditLog.SUCCESS, "was " + describe(old) + "; now " + describe(rule));
            return rule;
        });
        events.publish(new PolicyChanged(PolicyChanged.UPDATED, id, updated));
        return updated;
    }

    public void delete(String id, AuditLog.Actor actor) {
        db.inTransaction(c -> {
            PolicyRule old = find(c, id);
            rules.delete(c, id);
            audit.record(c, actor, "policy.delete", id, AuditLog.SUCCESS, describe(old));
            return null;
        });
        events.publish(new PolicyChanged(PolicyChanged.DELETED, id, null));
    }

    private PolicyRule newRule(RuleValidator.RuleRequest r, String createdBy) {
        Instant now = now();
        return new PolicyRule("p" + Ids.id(11), r.group(), r.destination(), r.protocol(), r.portFrom(), r.portTo(), r.description(),
                now, createdBy, now);
    }

    /** Stored times have millisecond precision; answers use the same, so a rule reads back as it was returned. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private PolicyRule find(Connection c, String id) throws SQLException {
        return rules.find(c, id).orElseThrow(() -> new BraidException(ErrorCode.NOT_FOUND, "no policy rule " + id));
    }

    private static void refuseDuplicate(List<PolicyRule> existing, PolicyRule rule) {
        for (PolicyRule r : existing) {
            if (r.group().equals(rule.group()) && r.destination().equals(rule.destination()) && r.protocol().equals(rule.protocol())
                    && Objects.equals(r.portFrom(), rule.portFrom()) && Objects.equals(r.portTo(), rule.portTo())) {
                throw new BraidException(ErrorCode.CONFLICT, "rule " + r.id() + " already allows exactly this");
            }
        }
    }

    static String describe(PolicyRule r) {
        String ports = r.portFrom() == null ? "" : r.portFrom().equals(r.portTo()) ? ":" + r.portFrom() : ":" + r.portFrom() + "-" + r.portTo();
        return "group=" + r.group() + " allow " + r.protocol() + " " + r.destination() + ports;
    }
}
