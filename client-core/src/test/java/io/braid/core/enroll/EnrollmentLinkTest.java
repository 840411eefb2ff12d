package io.braid.core.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.pki.Fingerprint;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EnrollmentLinkTest {
    private static final String KEY = "kabcdefgh.0123456789abcdefghijklmnop";
    private static final String CA = "sha256:" + "ab".repeat(32);

    @Test
    void parsesWhatTheServerFormats() {
        String text = EnrollmentLink.format("vpn.example.com", 8443, KEY, Fingerprint.parse(CA));
        EnrollmentLink link = EnrollmentLink.parse(text);
        assertThat(link.server()).isEqualTo(URI.create("https://vpn.example.com:8443/"));
        assertThat(link.key()).isEqualTo(KEY);
        assertThat(link.caFingerprint()).isEqualTo(Fingerprint.parse(CA));
    }

    @Test
    void bracketsIpv6HostsAndDefaultsThePort() {
        EnrollmentLink link = EnrollmentLink.parse("braid://[fd00::1]/enroll?key=" + KEY + "&ca=" + CA);
        assertThat(link.server()).isEqualTo(URI.create("https://[fd00::1]:8443/"));
        assertThat(EnrollmentLink.format("fd00::1", 9443, KEY, Fingerprint.parse(CA))).startsWith("braid://[fd00::1]:9443/enroll?");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(EnrollmentLink.parse("braid://h:1/enroll?key=" + KEY + "&ca=" + CA).toString()).doesNotContain("0123456789abcdef");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''                                                          | empty",
        "https://h:8443/enroll?key=KEY&ca=CA                         | must start with braid://",
        "braid:///enroll?key=KEY&ca=CA                               | no server host",
        "braid://h:8443/join?key=KEY&ca=CA                           | path must be /enroll",
        "braid://h:8443/enroll?ca=CA                                 | no key=",
        "braid://h:8443/enroll?key=KEY                               | no ca=",
        "braid://h:8443/enroll?key=KEY&ca=sha256:1234                | not sha256: followed by 64 hex",
        "braid://h:8443/enroll?key=nodot&ca=CA                       | not a Braid enrollment key",
        "braid://h:8443/enroll?key=KEY&key=KEY&ca=CA                 | appears twice",
        "braid://h:8443/enroll?key=KEY&ca=CA with spaces             | not a valid URI",
    })
    void explainsWhatIsWrongWithAMalformedLink(String text, String why) {
        String link = text.replace("KEY", KEY).replace("=CA", "=" + CA);
        assertThatThrownBy(() -> EnrollmentLink.parse(link))
                .isInstanceOfSatisfying(BraidException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_LINK))
                .hasMessageContaining(why);
    }
}
