package io.braid.server.accounts;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.server.audit.AuditLog;
import io.braid.server.enroll.Ids;
import io.braid.server.store.Account;
import io.braid.server.store.AccountRepository;
import io.braid.server.store.ConsoleSessionRepository;
import io.braid.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Console accounts: created with a password and a fresh TOTP secret (both required at every sign-in),
 * listed, disabled and enabled, and given a new password or second factor. Every change is audited in
 * its own transaction; disabling an account or replacing a credential ends its sessions at once.
 */
public final class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.@-]{0,63}");
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;

    private final Database db;
    private final AccountRepository accounts;
    private final ConsoleSessionRepository sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final String totpIssuer;

    public AccountService(Database db, AccountRepository accounts, ConsoleSessionRepository sessions, PasswordHasher hasher,
            AuditLog audit, Clock clock, String totpIssuer) {
        this.db = db;
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.totpIssuer = totpIssuer;
    }

    public record CreateRequest(String username, String role, String password) {}

    /** A new second factor: the only time its secret is shown (as text and as the URI apps scan). */
    public record SecondFactor(String totpSecret, String totpUri) {}

    public record Created(Account account, SecondFactor secondFactor) {}

    public record PasswordRequest(String password) {}

    public Created create(CreateRequest request, AuditLog.Actor actor) {
        String username = validUsername(request.username());
        Role role = Role.fromId(request.role());
        String hash = hasher.hash(validPassword(request.password(), username));
        String secret = Totp.newSecret();
        Account account = new Account("a" + Ids.id(11), username, role.id(), Account.ENABLED,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), actor.name(), null);
        db.inTransaction(c -> {
            if (accounts.findByUsername(c, username).isPresent()) {
                throw new BraidException(ErrorCode.CONFLICT, "an account named " + username + " already exists");
            }
            accounts.insert(c, account, hash, secret);
            audit.record(c, actor, "account.create", account.id(), AuditLog.SUCCESS, "username=" + username + " role=" + role.id());
            return null;
        });
        return new Created(account, secondFactor(username, secret));
    }

    public List<Account> list() {
        return db.read(accounts::list);
    }

    public boolean any() {
        return db.read(accounts::count) > 0;
    }

    public Account disable(String id, AuditLog.Actor actor) {
        return db.inTransaction(c -> {
            Account a = find(c, id);
            if (!a.isEnabled()) {
                throw new BraidException(ErrorCode.CONFLICT, "account " + a.username() + " is already disabled");
            }
            if (actor.name().equals(Principal.accountActor(a.username()))) {
                throw new BraidException(ErrorCode.CONFLICT, "you cannot disable your own account; another admin (or the admin token) can");
            }
            accounts.setStatus(c, id, Account.DISABLED);
            int ended = sessions.deleteOfAccount(c, id);
            audit.record(c, actor, "account.disable", id, AuditLog.SUCCESS, "username=" + a.username() + " sessions ended=" + ended);
            return find(c, id);
        });
    }

    public Account enable(String id, AuditLog.Actor actor) {
        return db.inTransaction(c -> {
            Account a = find(c, id);
            if (a.isEnabled()) {
                throw new BraidException(ErrorCode.CONFLICT, "account " + a.username() + " is already enabled");
            }
            accounts.setStatus(c, id, Account.ENABLED);
            audit.record(c, actor, "account.enable", id, AuditLog.SUCCESS, "username=" + a.username());
            return find(c, id);
        });
    }

    /** Replaces the TOTP secret (a lost phone); the old codes stop working and the account's sessions end. */
    public Created resetTotp(String id, AuditLog.Actor actor) {
        String secret = Totp.newSecret();
        Account account = db.inTransaction(c -> {
            Account a = find(c, id);
            accounts.setTotpSecret(c, id, secret);
            int ended = sessions.deleteOfAccount(c, id);
            audit.record(c, actor, "account.reset_totp", id, AuditLog.SUCCESS, "username=" + a.username() + " sessions ended=" + ended);
            return a;
        });
        return new Created(account, secondFactor(account.username(), secret));
    }

    /** Sets a new password (a forgotten one); the account's sessions end. */
    public Account setPassword(String id, PasswordRequest request, AuditLog.Actor actor) {
        Account existing = db.read(c -> find(c, id));
        String hash = hasher.hash(validPassword(request.password(), existing.username()));
        return db.inTransaction(c -> {
            Account a = find(c, id);
            accounts.setPasswordHash(c, id, hash);
            int ended = sessions.deleteOfAccount(c, id);
            audit.record(c, actor, "account.set_password", id, AuditLog.SUCCESS, "username=" + a.username() + " sessions ended=" + ended);
            return a;
        });
    }

    private Account find(Connection c, String id) throws SQLException {
        return accounts.find(c, id).orElseThrow(() -> new BraidException(ErrorCode.NOT_FOUND, "no account " + id)).account();
    }

    private SecondFactor secondFactor(String username, String secret) {
        return new SecondFactor(secret, Totp.uri(totpIssuer, username, secret));
    }

    static String validUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new BraidException(ErrorCode.BAD_INPUT,
                    "a username is 1 to 64 lowercase letters, digits, '_', '.', '@' or '-', starting with a letter or digit");
        }
        return username;
    }

    static String validPassword(String password, String username) {
        if (password == null) {
            throw new BraidException(ErrorCode.BAD_INPUT, "a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
            throw new BraidException(ErrorCode.BAD_INPUT, "a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the password must not be the username");
        }
        return password;
    }
}
