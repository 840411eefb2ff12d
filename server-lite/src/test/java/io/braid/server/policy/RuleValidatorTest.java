package io.braid.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {
    private static RuleValidator.RuleRequest rule(String group, String dest, String proto, Integer from, Integer to) {
        return new RuleValidator.RuleRequest(group, dest, proto, from, to, null);
    }

    @Test
    void acceptsAndCanonicalises() {
        assertThat(RuleValidator.validate(rule("*", "198.18.10.0/24", "any", null, null)).destination()).isEqualTo("198.18.10.0/24");
        var web = RuleValidator.validate(rule(" staff ", "198.18.10.7/32", "TCP", 443, null));
        assertThat(web.group()).isEqualTo("staff");
        assertThat(web.protocol()).isEqualTo("tcp");
        assertThat(web.portFrom()).isEqualTo(443);
        assertThat(web.portTo()).isEqualTo(443);
        assertThat(RuleValidator.validate(rule("ops", "FD00:0:0:0::/64", "udp", 1000, 2000)).destination()).isEqualTo("fd00::/64");
        assertThat(RuleValidator.validate(rule("ops", "0.0.0.0/0", "icmp", null, null)).destination()).isEqualTo("0.0.0.0/0");
        assertThat(RuleValidator.validate(rule("ops", "2001:db8:0:1::/64", "any", null, null)).destination()).isEqualTo("2001:db8:0:1::/64");
    }

    @Test
    void refusesWithTheReason() {
        Object[][] cases = {
            {rule(null, "198.18.10.0/24", "any", null, null), "group is required"},
            {rule("Staff", "198.18.10.0/24", "any", null, null), "group names"},
            {rule("staff", "198.18.10.5/24", "any", null, null), "host bits set; the network is 198.18.10.0/24"},
            {rule("staff", "198.18.10.0", "any", null, null), "must be a CIDR"},
            {rule("staff", "198.18.10.0/33", "any", null, null), "prefix longer than 32"},
            {rule("staff", "vpn.example.com/24", "any", null, null), "does not start with an IP address"},
            {rule("staff", "198.18.10.0/24", "sctp", null, null), "protocol must be"},
            {rule("staff", "198.18.10.0/24", "icmp", 80, null), "ports apply only to tcp and udp"},
            {rule("staff", "198.18.10.0/24", "any", 80, 90), "ports apply only to tcp and udp"},
            {rule("staff", "198.18.10.0/24", "tcp", 0, null), "ports are 1 to 65535"},
            {rule("staff", "198.18.10.0/24", "tcp", 90, 80), "above portTo"},
            {rule("staff", "198.18.10.0/24", "tcp", null, 80), "portTo needs portFrom"},
        };
        for (Object[] c : cases) {
            assertThatThrownBy(() -> RuleValidator.validate((RuleValidator.RuleRequest) c[0])).as("%s", c[0])
                    .isInstanceOf(BraidException.class).hasMessageContaining((String) c[1])
                    .satisfies(e -> assertThat(((BraidException) e).code()).isEqualTo(ErrorCode.BAD_INPUT));
        }
        assertThatThrownBy(() -> RuleValidator.validate(new RuleValidator.RuleRequest("s", "198.18.10.0/24", "any", null, null, "x\ny")))
                .hasMessageContaining("printable");
    }
}
