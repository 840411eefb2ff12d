package io.braid.server;

import io.braid.core.pki.Fingerprint;
import io.braid.core.store.OwnerOnly;
import io.braid.server.accounts.AccountService;
import io.braid.server.accounts.ConsoleSessions;
import io.braid.server.accounts.PasswordHasher;
import io.braid.server.accounts.SignIn;
import io.braid.server.audit.AuditLog;
import io.braid.server.auth.AdminToken;
import io.braid.server.auth.TokenIssuer;
import io.braid.server.auth.TokenKeys;
import io.braid.server.ca.ServerPki;
import io.braid.server.config.ServerConfig;
import io.braid.server.devices.CrlService;
import io.braid.server.devices.DeviceService;
import io.braid.server.devices.DeviceSettings;
import io.braid.server.enroll.EnrollmentKeyService;
import io.braid.server.enroll.EnrollmentService;
import io.braid.server.enroll.FailureRateLimiter;
import io.braid.server.enroll.OverlayAddresses;
import io.braid.server.events.ManagerEvents;
import io.braid.server.fleet.FleetOverview;
import io.braid.server.fleet.FleetState;
import io.braid.server.observe.Metrics;
import io.braid.server.policy.PolicyService;
import io.braid.server.store.AccountRepository;
import io.braid.server.store.AuditRepository;
import io.braid.server.store.CertificateRepository;
import io.braid.server.store.ConsoleSessionRepository;
import io.braid.server.store.CounterRepository;
import io.braid.server.store.Database;
import io.braid.server.store.DeviceRepository;
import io.braid.server.store.EnrollmentKeyRepository;
import io.braid.server.store.PolicyRepository;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The manager's parts, built once from the configuration and wired by hand (no container: the graph
 * is small and reading it here is the documentation). Routes and tests take what they need from it.
 */
public record ManagerServices(
        ServerConfig config,
        ServerPki pki,
        AdminToken adminToken,
        Database db,
        AuditRepository auditRepository,
        AuditLog audit,
        TokenKeys tokenKeys,
        String tokenIssuer,
        Metrics metrics,
        CrlService crl,
        EnrollmentKeyService keys,
        EnrollmentService enrollment,
        DeviceService devices,
        ManagerEvents events,
        FleetState fleet,
        FleetOverview overview,
        PolicyService policies,
        AccountService accounts,
        ConsoleSessions consoleSessions,
        SignIn signIn,
        Clock clock,
        OverlayAddresses overlay) implements AutoCloseable {

    /** Failed enrollments allowed per source address before it must wait, and how fast it earns another. */
    static final int FAILURE_BURST = 10;
    static final Duration FAILURE_REFILL = Duration.ofSeconds(6);
    /** Failed console sign-ins allowed per source address, and per account name, before waiting. */
    static final int SIGN_IN_BURST = 10;
    static final Duration SIGN_IN_REFILL = Duration.ofSeconds(30);

    public static ManagerServices open(ServerConfig config, Clock clock, IntSupplier managerPort) throws IOException {
        OwnerOnly.directory(config.dataDir());
        ServerPki pki = ServerPki.loadOrCreate(config.dataDir(), config.certificateHosts(), clock);
        AdminToken adminToken = AdminToken.loadOrCreate(config.dataDir());
        Database db = Database.embedded(config.dataDir());
        try {
            var keyRepo = new EnrollmentKeyRepository();
            var deviceRepo = new DeviceRepository();
            var certRepo = new CertificateRepository();
            var counters = new CounterRepository();
            var auditRepo = new AuditRepository();
            String ula = db.inTransaction(c -> counters.settingIfAbsent(c, "ula_prefix", randomUlaPrefix()));
            OverlayAddresses overlay = new OverlayAddresses(config.overlayPool(), ula);
            Fingerprint caFingerprint = Fingerprint.of(pki.ca().root());
            String issuer = issuerFor(caFingerprint);
            TokenKeys tokenKeys = TokenKeys.fromPrivateKey(pki.tokenSigningKey());
            TokenIssuer tokens = new TokenIssuer(tokenKeys, issuer, clock);
            AuditLog audit = new AuditLog(auditRepo, clock);
            ManagerEvents events = new ManagerEvents(clock);
            FleetState fleet = new FleetState();
            events.listen(fleet::apply);
            Metrics metrics = new Metrics();
            DeviceSettings settings = new DeviceSettings(config);
            CrlService crl = new CrlService(db, certRepo, counters, pki.ca(), clock);
            var limiter = new FailureRateLimiter(FAILURE_BURST, FAILURE_REFILL, 100_000, clock);
            var keys = new EnrollmentKeyService(db, keyRepo, audit, events, clock, caFingerprint, config.primaryHost(), managerPort);
            var enrollment = new EnrollmentService(db, keyRepo, deviceRepo, certRepo, counters, overlay, pki.ca(), tokens, settings,
                    limiter, audit, events, metrics, clock);
            var devices = new DeviceService(db, deviceRepo, certRepo, pki.ca(), tokens, settings, crl, audit, events, metrics, clock);
            var overview = new FleetOverview(db, deviceRepo, keyRepo, fleet, clock);
            var policies = new PolicyService(db, new PolicyRepository(), counters, audit, events, clock);
            policies.seedDefaults(config.routes());
            var accountRepo = new AccountRepository();
            var sessionRepo = new ConsoleSessionRepository();
            var hasher = PasswordHasher.owaspDefaults();
            var accounts = new AccountService(db, accountRepo, sessionRepo, hasher, audit, clock, "Braid (" + config.primaryHost() + ")");
            var consoleSessions = new ConsoleSessions(db, sessionRepo, accountRepo, clock);
            var signIn = new SignIn(db, accountRepo, hasher, consoleSessions, adminToken,
                    new FailureRateLimiter(SIGN_IN_BURST, SIGN_IN_REFILL, 100_000, clock),
                    new FailureRateLimiter(SIGN_IN_BURST, SIGN_IN_REFILL, 100_000, clock), audit, clock);
            return new ManagerServices(config, pki, adminToken, db, auditRepo, audit, tokenKeys, issuer, metrics, crl, keys, enrollment, devices,
                    events, fleet, overview, policies, accounts, consoleSessions, signIn, clock, overlay);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Tokens name the CA they belong to, so every manager sharing a CA issues tokens any headend of it accepts. */
    public static String issuerFor(Fingerprint caFingerprint) {
        return "urn:braid:ca:" + caFingerprint.toString().substring("sha256:".length());
    }

    private static String randomUlaPrefix() {
        byte[] globalId = new byte[5];
        new SecureRandom().nextBytes(globalId);
        return String.format("fd%02x:%02x%02x:%02x%02x", globalId[0], globalId[1], globalId[2], globalId[3], globalId[4]);
    }

    @Override
    public void close() {
        events.close();
        db.close();
    }
}
