package io.braid.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.braid.server.events.ManagerEvents;
import io.braid.server.events.Subscription;
import io.braid.server.testing.ConsoleClient;
import io.braid.server.testing.ConsoleClient.Reply;
import io.braid.server.testing.RunningManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy API: the explicit default, strict validation that changes nothing on refusal, CRUD, audit and events. */
class PolicyApiTest {
    private RunningManager manager;
    private ConsoleClient admin;

    @BeforeEach
    void start() {
        manager = new RunningManager();
        admin = new ConsoleClient(manager);
        admin.signInWithToken();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    private JsonNode rules() {
        return admin.get(AdminApi.POLICIES).json();
    }

    private static Map<String, Object> rule(String group, String destination, String protocol, Integer from, Integer to) {
        Map<String, Object> m = new HashMap<>();
        m.put("group", group);
        m.put("destination", destination);
        m.put("protocol", protocol);
        if (from != null) {
            m.put("portFrom", from);
        }
        if (to != null) {
            m.put("portTo", to);
        }
        return m;
    }

    @Test
    void aFreshServerAllowsEveryDeviceToReachTheDeclaredRoutesOnlyOnce() {
        JsonNode rules = rules();
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.get("group").asText()).isEqualTo("*");
            assertThat(r.get("destination").asText()).isEqualTo("198.18.10.0/24"); // RunningManager's --route
            assertThat(r.get("protocol").asText()).isEqualTo("any");
            assertThat(r.has("portFrom")).isFalse();
        });
        String id = rules.get(0).get("id").asText();
        assertThat(admin.delete(AdminApi.path(AdminApi.POLICY, id)).status()).isEqualTo(200);
        manager.stop();
        manager.start();
        admin = new ConsoleClient(manager);
        admin.signInWithToken();
        assertThat(rules()).as("a deleted default stays deleted after a restart").isEmpty();
    }

    @Test
    void createReplaceDeleteAreAuditedAndAnnounced() throws Exception {
        ManagerEvents events = manager.server().services().events();
        try (Subscription heard = events.subscribe(16)) {
            Reply created = admin.post(AdminApi.POLICIES, rule("staff", "198.18.10.7/32", "tcp", 443, null));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.json().get("portTo").asInt()).isEqualTo(443);
            Reply replaced = admin.put(AdminApi.path(AdminApi.POLICY, id), rule("staff", "198.18.10.7/32", "tcp", 8000, 8080));
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().get("createdAt").asText()).isEqualTo(created.json().get("createdAt").asText());
            assertThat(admin.delete(AdminApi.path(AdminApi.POLICY, id)).status()).isEqualTo(200);
            assertThat(admin.delete(AdminApi.path(AdminApi.POLICY, id)).status()).isEqualTo(404);
            List<String> types = new java.util.ArrayList<>();
            for (var p = heard.poll(Duration.ofSeconds(1)); p != null; p = heard.poll(Duration.ofMillis(50))) {
                types.add(p.event().type());
            }
            assertThat(types).containsExactly("policy.created", "policy.updated", "policy.deleted");
        }
        JsonNode audit = admin.get(AdminApi.AUDIT + "?action=policy.").json();
        assertThat(audit).extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText() + ": " + e.get("details").asText())
                .containsExactly(
                        "policy.create by system: group=* allow any 198.18.10.0/24",
                        "policy.create by admin: group=staff allow tcp 198.18.10.7/32:443",
                        "policy.update by admin: was group=staff allow tcp 198.18.10.7/32:443; now group=staff allow tcp 198.18.10.7/32:8000-8080",
                        "policy.delete by admin: group=staff allow tcp 198.18.10.7/32:8000-8080");
    }

    @Test
    void badRulesAreRefusedWithAReasonAndChangeNothing() {
        String existing = rules().get(0).get("id").asText();
        Object[][] cases = {
            {rule("staff", "198.18.10.5/24", "tcp", null, null), 400, "host bits"},
            {rule("staff", "198.18.10.0/24", "icmp", 7, null), 400, "only to tcp and udp"},
            {rule("staff", "198.18.10.0/24", "tcp", 70000, null), 400, "1 to 65535"},
            {Map.of("group", "staff", "destination", "198.18.10.0/24", "protocol", "tcp", "ports", "80"), 400, "unknown field 'ports'"},
            {Map.of("group", "staff", "destination", "198.18.10.0/24", "protocol", "tcp", "portFrom", "80"), 400, "wrong type"},
            {rule("*", "198.18.10.0/24", "any", null, null), 409, "already allows exactly this"},
        };
        for (Object[] c : cases) {
            Reply r = admin.post(AdminApi.POLICIES, c[0]);
            assertThat(r.status()).as("%s", c[0]).isEqualTo(c[1]);
            assertThat(r.json().get("message").asText()).contains((String) c[2]);
            Reply put = admin.put(AdminApi.path(AdminApi.POLICY, existing), c[0]);
            assertThat(put.status()).as("PUT %s", c[0]).isIn(400, 409, 200);
        }
        assertThat(rules()).singleElement().satisfies(r -> assertThat(r.get("destination").asText()).isEqualTo("198.18.10.0/24"));
        assertThat(admin.put(AdminApi.path(AdminApi.POLICY, "pnothere"), rule("a", "198.18.0.0/15", "any", null, null)).status())
                .isEqualTo(404);
    }
}
