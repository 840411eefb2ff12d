package io.braid.server.accounts;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.AdminToken;
import io.braid.server.enroll.FailureRateLimiter;
import io.braid.server.store.Account;
import io.braid.server.store.AccountRepository;
import io.braid.server.store.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Signing in to the console, with a password and a TOTP code or with the admin token. Every attempt is
 * audited; failures all give the same answer (nothing tells a wrong name from a wrong password or
 * code), unknown names cost the same hashing time as known ones, and failures are rate limited per
 * source address and per account name. Secrets are never recorded.
 */
public final class SignIn {
    private final Database db;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final ConsoleSessions sessions;
    private final AdminToken adminToken;
    private final FailureRateLimiter bySource;
    private final FailureRateLimiter byAccount;
    private final AuditLog audit;
    private final Clock clock;

    public SignIn(Database db, AccountRepository accounts, PasswordHasher hasher, ConsoleSessions sessions, AdminToken adminToken,
            FailureRateLimiter bySource, FailureRateLimiter byAccount, AuditLog audit, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.adminToken = adminToken;
        this.bySource = bySource;
        this.byAccount = byAccount;
        this.audit = audit;
        this.clock = clock;
    }

    public record PasswordRequest(String username, String password, String code) {}

    public record TokenRequest(String token) {}

    public ConsoleSessions.Opened withPassword(PasswordRequest request, String source) {
        String username = request.username() == null ? "" : request.username().strip();
        checkNotLimited(source, username);
        Optional<AccountRepository.Stored> stored = username.length() > 64 ? Optional.empty()
                : db.read(c -> accounts.findByUsername(c, username));
        String password = request.password() == null ? "" : request.password();
        if (password.length() > AccountService.MAX_PASSWORD * 2) {
            password = "";
        }
        if (stored.isEmpty()) {
            hasher.verifyNothing(password);
            // The attempted name is not recorded: it may be a password typed into the wrong field.
            throw failed(source, null, "unknown account");
        }
        Account account = stored.get().account();
        if (!hasher.verify(password, stored.get().passwordHash())) {
            byAccount.recordFailure(username);
            throw failed(source, account, "wrong password");
        }
        OptionalLong step = Totp.verify(stored.get().totpSecret(), request.code(), clock.instant(), stored.get().totpLastStep());
        if (step.isEmpty()) {
            byAccount.recordFailure(username);
            throw failed(source, account, "wrong or reused code");
        }
        if (!account.isEnabled()) {
            throw failed(source, account, "account disabled");
        }
        boolean fresh = db.inTransaction(c -> {
            boolean first = accounts.recordLogin(c, account.id(), step.getAsLong(), clock.instant());
            if (first) {
                audit.record(c, new AuditLog.Actor(Principal.accountActor(username), source), "session.login", account.id(),
                        AuditLog.SUCCESS, "method=password+totp role=" + account.role());
            }
            return first;
        });
        if (!fresh) {
            throw failed(source, account, "code already used");
        }
        return sessions.open(account, source);
    }

    public ConsoleSessions.Opened withAdminToken(TokenRequest request, String source) {
        checkNotLimited(source, null);
        if (!adminToken.matches(request.token())) {
            throw failed(source, null, "wrong admin token");
        }
        db.inTransaction(c -> {
            audit.record(c, new AuditLog.Actor(Principal.ADMIN_TOKEN, source), "session.login", null, AuditLog.SUCCESS, "method=admin_token");
            return null;
        });
        return sessions.open(null, source);
    }

    public void signOut(Principal principal, String source) {
        sessions.close(principal.session());
        db.inTransaction(c -> {
            audit.record(c, principal.actor(source), "session.logout", principal.accountId(), AuditLog.SUCCESS, null);
            return null;
        });
    }

    private void checkNotLimited(String source, String username) {
        // Not audited one by one: the failures that led here were, and a flood must not flood the log.
        if (!bySource.allowed(source) || (username != null && !username.isEmpty() && !byAccount.allowed(username))) {
            throw new BraidException(ErrorCode.RATE_LIMITED, "too many failed sign-ins; wait a minute and try again");
        }
    }

    private BraidException failed(String source, Account account, String reason) {
        bySource.recordFailure(source);
        String actor = account == null ? "anonymous" : Principal.accountActor(account.username());
        db.inTransaction(c -> {
            audit.record(c, new AuditLog.Actor(actor, source), "session.login", account == null ? null : account.id(), AuditLog.FAILURE,
                    reason);
            return null;
        });
        return new BraidException(ErrorCode.UNAUTHENTICATED, "sign-in failed: wrong name, password, code or token");
    }
}
