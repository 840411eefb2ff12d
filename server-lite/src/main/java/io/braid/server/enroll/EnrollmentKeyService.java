package io.braid.server.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.enroll.EnrollmentLink;
import io.braid.core.pki.Fingerprint;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.Sha256;
import io.braid.server.events.KeyChanged;
import io.braid.server.events.ManagerEvents;
import io.braid.server.store.Database;
import io.braid.server.store.EnrollmentKey;
import io.braid.server.store.EnrollmentKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates, lists and revokes enrollment keys. A key is {@code ID.SECRET}: the id names it in lists and
 * audit entries, the secret (256 random bits) is shown once and stored only as its SHA-256, which is
 * enough for a high-entropy secret and keeps verification cheap.
 */
public final class EnrollmentKeyService {
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Duration MAX_EXPIRY = Duration.ofDays(3650);

    private final Database db;
    private final EnrollmentKeyRepository keys;
    private final AuditLog audit;
    private final ManagerEvents events;
    private final Clock clock;
    private final Fingerprint caFingerprint;
    private final String linkHost;
    private final java.util.function.IntSupplier linkPort;

    public EnrollmentKeyService(Database db, EnrollmentKeyRepository keys, AuditLog audit, ManagerEvents events, Clock clock,
            Fingerprint caFingerprint, String linkHost, java.util.function.IntSupplier linkPort) {
        this.db = db;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.caFingerprint = caFingerprint;
        this.linkHost = linkHost;
        this.linkPort = linkPort;
    }

    /** What an admin asks for. Null fields take defaults: single use, expiry as given, no groups. */
    public record CreateRequest(String name, Boolean reusable, Integer maxUses, Long expiresInSeconds, List<String> groups) {}

    /** A new key: the only time its secret and link are ever shown. */
    public record Created(EnrollmentKey key, String secret, String link) {}

    public Created create(CreateRequest request, AuditLog.Actor actor) {
        boolean reusable = Boolean.TRUE.equals(request.reusable());
        Integer maxUses = request.maxUses();
        if (maxUses != null && (maxUses < 1 || maxUses > 1_000_000)) {
            throw new BraidException(ErrorCode.BAD_INPUT, "maxUses must be between 1 and 1000000");
        }
        if (!reusable && maxUses != null && maxUses != 1) {
            throw new BraidException(ErrorCode.BAD_INPUT, "a single-use key has exactly one use; make it reusable to allow " + maxUses);
        }
        if (!reusable) {
            maxUses = 1;
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (request.expiresInSeconds() != null) {
            long s = request.expiresInSeconds();
            if (s < 60 || s > MAX_EXPIRY.toSeconds()) {
                throw new BraidException(ErrorCode.BAD_INPUT, "expiresInSeconds must be between 60 and " + MAX_EXPIRY.toSeconds());
            }
            expiresAt = now.plusSeconds(s);
        }
        String name = request.name() == null ? null : request.name().strip();
        if (name != null && (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl))) {
            throw new BraidException(ErrorCode.BAD_INPUT, "a key name has 1 to 64 printable characters");
        }
        List<String> groups = validGroups(request.groups());
        String id = "k" + Ids.id(11);
        String secret = Ids.secret(32);
        EnrollmentKey key = new EnrollmentKey(id, name, groups, reusable, maxUses, 0, expiresAt, null, now, actor.name());
        db.inTransaction(c -> {
            keys.insert(c, key, hash(secret));
            audit.record(c, actor, "key.create", id, AuditLog.SUCCESS, describe(key));
            return null;
        });
        events.publish(new KeyChanged(KeyChanged.CREATED, key));
        String full = id + "." + secret;
        return new Created(key, full, EnrollmentLink.format(linkHost, linkPort.getAsInt(), full, caFingerprint));
    }

    public List<EnrollmentKey> list() {
        return db.read(keys::list);
    }

    public EnrollmentKey revoke(String id, AuditLog.Actor actor) {
        EnrollmentKey revoked = db.inTransaction(c -> {
            EnrollmentKey key = keys.find(c, id).orElseThrow(() -> new BraidException(ErrorCode.NOT_FOUND, "no enrollment key " + id)).key();
            if (key.revokedAt() != null) {
                throw new BraidException(ErrorCode.CONFLICT, "enrollment key " + id + " is already revoked");
            }
            keys.revoke(c, id, clock.instant());
            audit.record(c, actor, "key.revoke", id, AuditLog.SUCCESS, null);
            return keys.find(c, id).orElseThrow().key();
        });
        events.publish(new KeyChanged(KeyChanged.REVOKED, revoked));
        return revoked;
    }

    public static List<String> validGroups(List<String> groups) {
        if (groups == null) {
            return List.of();
        }
        if (groups.size() > 32) {
            throw new BraidException(ErrorCode.BAD_INPUT, "at most 32 groups");
        }
        for (String g : groups) {
            if (g == null || !GROUP.matcher(g).matches()) {
                throw new BraidException(ErrorCode.BAD_INPUT, "group names are lowercase letters, digits, '_', '.', '-' (got " + g + ")");
            }
        }
        return groups.stream().distinct().toList();
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }

    private static String describe(EnrollmentKey k) {
        return "reusable=" + k.reusable() + " maxUses=" + k.maxUses() + " expiresAt=" + k.expiresAt() + " groups=" + k.groups();
    }
}
