package io.braid.server.accounts;

import io.braid.server.auth.Sha256;
import io.braid.server.enroll.Ids;
import io.braid.server.store.Account;
import io.braid.server.store.AccountRepository;
import io.braid.server.store.ConsoleSession;
import io.braid.server.store.ConsoleSessionRepository;
import io.braid.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions of the console. A session is a random 256-bit cookie value plus a separate CSRF
 * token; only their SHA-256 hashes are stored, so a copy of the database opens no session. A session
 * ends after {@link #IDLE} without requests or {@link #LIFETIME} after sign-in, whichever comes first;
 * an account session also ends the moment its account is disabled, and takes the account's current
 * role on every request, so a changed role applies at once.
 */
public final class ConsoleSessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** Recording every request's time would make each read a write; a minute's precision is plenty for a 30-minute limit. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Database db;
    private final ConsoleSessionRepository sessions;
    private final AccountRepository accounts;
    private final Clock clock;

    public ConsoleSessions(Database db, ConsoleSessionRepository sessions, AccountRepository accounts, Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new session's secrets, for the cookies: shown to the browser once, never stored. */
    public record Opened(Principal principal, String token, String csrfToken, Instant expiresAt) {}

    /** Opens a session for an account, or for the admin token's holder when {@code account} is null. */
    public Opened open(Account account, String source) {
        Instant now = clock.instant();
        String token = Ids.secret(32);
        String csrf = Ids.secret(32);
        Role role = account == null ? Role.ADMIN : Role.fromId(account.role());
        String name = account == null ? Principal.ADMIN_TOKEN : Principal.accountActor(account.username());
        ConsoleSession session = new ConsoleSession(Sha256.hex(token), Sha256.hex(csrf), account == null ? null : account.id(), name,
                role.id(), source, now, now, now.plus(LIFETIME));
        db.inTransaction(c -> {
            sessions.deleteStale(c, now, now.minus(IDLE));
            sessions.insert(c, session);
            return null;
        });
        return new Opened(new Principal(name, role, session.accountId(), session), token, csrf, session.expiresAt());
    }

    /**
     * The principal of a live session with this cookie value; empty if unknown, expired, idle or its
     * account is disabled. {@code activity} says whether this request counts as the user being active
     * (a click does; a live stream re-checking itself does not, so an open tab never keeps a session alive).
     */
    public Optional<Principal> resolve(String token, boolean activity) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Sha256.hex(token);
        return db.read(c -> {
            Optional<ConsoleSession> found = sessions.find(c, hash);
            if (found.isEmpty()) {
                return Optional.<Principal>empty();
            }
            ConsoleSession s = found.get();
            if (!now.isBefore(s.expiresAt()) || s.lastSeenAt().plus(IDLE).isBefore(now)) {
                sessions.delete(c, hash);
                return Optional.<Principal>empty();
            }
            Role role = Role.fromId(s.role());
            if (s.accountId() != null) {
                Optional<Account> account = accounts.find(c, s.accountId()).map(AccountRepository.Stored::account);
                if (account.isEmpty() || !account.get().isEnabled()) {
                    sessions.delete(c, hash);
                    return Optional.<Principal>empty();
                }
                role = Role.fromId(account.get().role());
            }
            if (activity && s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                sessions.touch(c, hash, now);
            }
            return Optional.of(new Principal(s.principal(), role, s.accountId(), s));
        });
    }

    /** True if {@code csrfToken} is the one issued with this session (constant-time). */
    public static boolean csrfMatches(ConsoleSession session, String csrfToken) {
        return csrfToken != null && MessageDigest.isEqual(Sha256.hex(csrfToken).getBytes(StandardCharsets.US_ASCII),
                session.csrfHash().getBytes(StandardCharsets.US_ASCII));
    }

    public void close(ConsoleSession session) {
        db.read(c -> sessions.delete(c, session.tokenHash()));
    }
}
