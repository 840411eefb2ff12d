package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.server.accounts.Role;
import io.braid.server.accounts.Totp;
import io.braid.server.store.AuditEntry;
import io.braid.server.store.AuditFilter;
import io.braid.server.testing.ConsoleClient;
import io.braid.server.testing.ConsoleClient.Credentials;
import io.braid.server.testing.ConsoleClient.Reply;
import io.braid.server.testing.RunningManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console sign-in, session cookies, timeouts and CSRF, straight against the API as a browser (or an attacker) would call it. */
class ConsoleAuthTest {
    private RunningManager manager;

    @BeforeEach
    void start() {
        manager = new RunningManager();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    private ConsoleClient browser() {
        return new ConsoleClient(manager);
    }

    private List<AuditEntry> audit(String action) {
        return manager.server().services().db().read(c -> manager.server().services().auditRepository()
                .search(c, new AuditFilter(null, action, null, null, null, null, null), 1000));
    }

    @Test
    void theAdminTokenSignsInWithHostOnlyStrictCookiesAndAsksForTheFirstAccount() {
        ConsoleClient b = browser();
        Reply r = b.signInWithToken();
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.setCookies()).anySatisfy(c -> assertThat(c).startsWith("__Host-braid_session=")
                .contains("; Path=/").contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict").contains("Max-Age=43200")
                .doesNotContain("Domain"));
        assertThat(r.setCookies()).anySatisfy(c -> assertThat(c).startsWith("__Host-braid_csrf=")
                .contains("; Secure").contains("; SameSite=Strict").doesNotContain("HttpOnly"));
        assertThat(r.json().get("role").asText()).isEqualTo("admin");
        assertThat(r.json().get("firstAccountNeeded").asBoolean()).isTrue();

        Reply me = b.get(AdminApi.SESSION);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("name").asText()).isEqualTo("admin");

        Reply created = b.post(AdminApi.ACCOUNTS, Map.of("username", "alice", "role", "admin", "password", "a long enough password"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("totpUri").asText()).startsWith("otpauth://totp/Braid%20%28127.0.0.1%29:alice?secret=");
        assertThat(created.json().get("totpQrSvg").asText()).startsWith("<svg");
        assertThat(created.json().get("account").has("passwordHash")).isFalse();
        assertThat(b.get(AdminApi.SESSION).json().get("firstAccountNeeded").asBoolean()).isFalse();

        Reply wrong = browser().post(AdminApi.SESSION_TOKEN, Map.of("token", "bat_wrong"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(audit("session.login")).extracting(AuditEntry::outcome, AuditEntry::details)
                .contains(org.assertj.core.groups.Tuple.tuple("success", "method=admin_token"),
                        org.assertj.core.groups.Tuple.tuple("failure", "wrong admin token"));
    }

    @Test
    void passwordAndCodeSignInOnceEachAndFailuresLookAlikeAndAreAudited() {
        Credentials alice = manager.account("alice", "operator");
        ConsoleClient b = browser();
        Reply ok = b.signIn(alice);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().get("name").asText()).isEqualTo("user:alice");
        assertThat(ok.json().get("role").asText()).isEqualTo("operator");
        assertThat(ok.json().get("permissions")).extracting(n -> n.asText()).contains("devices:write").doesNotContain("accounts:read");

        // The same code again (a replay, or a shoulder-surfed code) is refused even with the right password.
        Reply replay = browser().signIn(alice);
        assertThat(replay.status()).isEqualTo(401);
        String code = Totp.codeAt(alice.totpSecret(), manager.clock.instant().plusSeconds(30));
        Reply wrongPassword = browser().post(AdminApi.SESSION, Map.of("username", "alice", "password", "not the password", "code", code));
        Reply unknown = browser().post(AdminApi.SESSION, Map.of("username", "mallory", "password", "whatever it is", "code", code));
        Reply noCode = browser().post(AdminApi.SESSION, Map.of("username", "alice", "password", alice.password(), "code", "000000"));
        for (Reply r : List.of(replay, wrongPassword, unknown, noCode)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("message").asText()).isEqualTo("sign-in failed: wrong name, password, code or token");
            assertThat(r.setCookies()).isEmpty();
        }
        assertThat(audit("session.login")).extracting(AuditEntry::outcome, AuditEntry::details).containsExactly(
                org.assertj.core.groups.Tuple.tuple("success", "method=password+totp role=operator"),
                org.assertj.core.groups.Tuple.tuple("failure", "wrong or reused code"),
                org.assertj.core.groups.Tuple.tuple("failure", "wrong password"),
                org.assertj.core.groups.Tuple.tuple("failure", "unknown account"),
                org.assertj.core.groups.Tuple.tuple("failure", "wrong or reused code"));
        String everything = audit(null).toString();
        assertThat(everything).doesNotContain(alice.password()).doesNotContain("mallory").doesNotContain(code)
                .doesNotContain(alice.totpSecret());
    }

    @Test
    void signInFailuresAreRateLimitedPerSource() {
        Credentials alice = manager.account("alice", "viewer");
        for (int i = 0; i < 10; i++) {
            assertThat(browser().post(AdminApi.SESSION, Map.of("username", "x" + i, "password", "guess", "code", "123456")).status())
                    .isEqualTo(401);
        }
        Reply limited = browser().signIn(alice);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("rate_limited");
        manager.clock.advance(Duration.ofSeconds(31));
        assertThat(browser().signIn(alice).status()).isEqualTo(201);
    }

    @Test
    void missingOrForgedCookiesAreUnauthenticated() {
        assertThat(browser().get(AdminApi.DEVICES).status()).isEqualTo(401);
        ConsoleClient forged = browser();
        forged.cookies.put(ConsoleClient.SESSION_COOKIE, "not-a-session");
        Reply r = forged.get(AdminApi.DEVICES);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("unauthenticated");
        ConsoleClient badBearer = browser();
        badBearer.extraHeaders.put("Authorization", "Bearer bat_nope");
        assertThat(badBearer.get(AdminApi.DEVICES).status()).isEqualTo(401);
    }

    @Test
    void everyStateChangeWithACookieNeedsTheCsrfTokenAndTheSameOrigin() {
        ConsoleClient b = browser();
        b.signInWithToken();
        Map<String, Object> key = Map.of("name", "csrf-test");

        b.sendCsrf = false;
        assertCsrfRefused(b.post(AdminApi.KEYS, key), "header is missing");
        b.sendCsrf = true;
        b.csrfOverride = "guessed-token";
        assertCsrfRefused(b.post(AdminApi.KEYS, key), "does not match");

        // The header equals the cookie, but both are another session's token (a cookie planted by a sibling host).
        ConsoleClient other = browser();
        other.signInWithToken();
        b.csrfOverride = null;
        String mine = b.cookies.put(ConsoleClient.CSRF_COOKIE, other.cookies.get(ConsoleClient.CSRF_COOKIE));
        assertCsrfRefused(b.post(AdminApi.KEYS, key), "does not match");
        b.cookies.put(ConsoleClient.CSRF_COOKIE, mine);

        b.origin = "https://evil.example";
        assertCsrfRefused(b.post(AdminApi.KEYS, key), "another origin");
        b.origin = null;
        assertCsrfRefused(b.post(AdminApi.KEYS, key), "Origin header is missing");
        b.origin = "https://127.0.0.1:" + manager.server().port();
        b.extraHeaders.put("Sec-Fetch-Site", "cross-site");
        assertCsrfRefused(b.delete(AdminApi.SESSION), "another site");
        b.extraHeaders.clear();

        assertThat(manager.server().services().keys().list()).isEmpty(); // none of the above changed anything
        assertThat(audit("access.denied")).hasSize(6);
        assertThat(b.post(AdminApi.KEYS, key).status()).isEqualTo(201);

        // The CLI's bearer token carries no ambient authority, so it needs no CSRF token.
        ConsoleClient cli = browser();
        cli.origin = null;
        cli.extraHeaders.put("Authorization", "Bearer " + manager.adminToken());
        assertThat(cli.post(AdminApi.KEYS, key).status()).isEqualTo(201);
    }

    private static void assertCsrfRefused(Reply r, String why) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("csrf_rejected");
        assertThat(r.json().get("message").asText()).contains(why);
    }

    @Test
    void sessionsEndWhenIdleWhenOldAndWhenSignedOut() {
        ConsoleClient b = browser();
        b.signInWithToken();
        manager.clock.advance(Duration.ofMinutes(29));
        assertThat(b.get(AdminApi.SESSION).status()).isEqualTo(200);
        manager.clock.advance(Duration.ofMinutes(31));
        assertThat(b.get(AdminApi.SESSION).status()).isEqualTo(401);

        ConsoleClient busy = browser();
        busy.signInWithToken();
        for (int i = 0; i < 35; i++) { // active every 20 minutes, for 11h40
            manager.clock.advance(Duration.ofMinutes(20));
            assertThat(busy.get(AdminApi.SESSION).status()).as("after %d min", (i + 1) * 20).isEqualTo(200);
        }
        manager.clock.advance(Duration.ofMinutes(20));
        assertThat(busy.get(AdminApi.SESSION).status()).isEqualTo(401);

        ConsoleClient leaving = browser();
        leaving.signInWithToken();
        String cookie = leaving.cookies.get(ConsoleClient.SESSION_COOKIE);
        Reply out = leaving.delete(AdminApi.SESSION);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.setCookies()).anySatisfy(c -> assertThat(c).startsWith("__Host-braid_session=;").contains("Max-Age=0"));
        ConsoleClient replay = browser();
        replay.cookies.put(ConsoleClient.SESSION_COOKIE, cookie);
        assertThat(replay.get(AdminApi.SESSION).status()).isEqualTo(401);
    }

    @Test
    void disablingAnAccountOrChangingItsFactorEndsItsSessionsAtOnce() {
        Credentials bob = manager.account("bob", "operator");
        ConsoleClient b = browser();
        assertThat(b.signIn(bob).status()).isEqualTo(201);
        ConsoleClient admin = browser();
        admin.signInWithToken();
        assertThat(admin.post(AdminApi.path(AdminApi.ACCOUNT_ACTION, bob.id()).replace("{action}", "disable"), Map.of()).status())
                .isEqualTo(200);
        assertThat(b.get(AdminApi.DEVICES).status()).isEqualTo(401);
        manager.clock.advance(Duration.ofSeconds(30));
        assertThat(b.signIn(bob).status()).isEqualTo(401);

        assertThat(admin.post(AdminApi.path(AdminApi.ACCOUNT_ACTION, bob.id()).replace("{action}", "enable"), Map.of()).status())
                .isEqualTo(200);
        manager.clock.advance(Duration.ofSeconds(30));
        assertThat(b.signIn(bob).status()).isEqualTo(201);
        Reply reset = admin.post(AdminApi.path(AdminApi.ACCOUNT_ACTION, bob.id()).replace("{action}", "reset-totp"), Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(b.get(AdminApi.DEVICES).status()).isEqualTo(401);
        manager.clock.advance(Duration.ofSeconds(30));
        assertThat(b.signIn(bob).status()).as("old second factor").isEqualTo(401);
        Credentials renewed = new Credentials(bob.id(), "bob", bob.password(), reset.json().get("totpSecret").asText());
        assertThat(b.signIn(renewed).status()).isEqualTo(201);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Credentials carol = manager.account("carol", "admin");
        ConsoleClient b = browser();
        b.signIn(carol);
        Reply r = b.post(AdminApi.path(AdminApi.ACCOUNT_ACTION, carol.id()).replace("{action}", "disable"), Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asText()).contains("your own account");
        assertThat(b.get(AdminApi.SESSION).status()).isEqualTo(200);
    }

    @Test
    void accountInputIsCheckedStrictlyAndChangesNothingWhenBad() {
        ConsoleClient admin = browser();
        admin.signInWithToken();
        Object[][] bad = {
            {Map.of("username", "Alice", "role", "admin", "password", "a long enough password"), "username"},
            {Map.of("username", "alice", "role", "root", "password", "a long enough password"), "role must be"},
            {Map.of("username", "alice", "role", "admin", "password", "short"), "12 to 256"},
            {Map.of("username", "alice", "role", "admin", "password", "a long enough password", "isAdmin", true), "unknown field"},
            {"{\"username\":\"alice\",\"role\":\"admin\",\"password\":123456789012345}", "wrong type"},
        };
        for (Object[] c : bad) {
            Reply r = admin.post(AdminApi.ACCOUNTS, c[0]);
            assertThat(r.status()).as("%s", c[0]).isEqualTo(400);
            assertThat(r.error()).isEqualTo("bad_input");
            assertThat(r.json().get("message").asText()).contains((String) c[1]);
        }
        assertThat(manager.server().services().accounts().list()).isEmpty();
        manager.account("alice", "viewer");
        Reply dup = admin.post(AdminApi.ACCOUNTS, Map.of("username", "alice", "role", "admin", "password", "a long enough password"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(manager.server().services().accounts().list()).singleElement()
                .satisfies(a -> assertThat(a.role()).isEqualTo(Role.VIEWER.id()));
    }
}
