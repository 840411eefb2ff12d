package io.braid.core.testing;

import io.braid.core.manager.ManagerApi.AccessToken;
import io.braid.core.manager.TunnelSettings;
import io.braid.core.pki.Fingerprint;
import io.braid.core.pki.KeyPairs;
import io.braid.core.store.DeviceCredentials;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Device credentials issued by a {@link TestCa}, for store and client tests that need no server. */
public final class TestCredentials {
    private TestCredentials() {}

    public static DeviceCredentials issue(TestCa ca, String deviceId, Duration lifetime) {
        KeyPair kp = KeyPairs.p256();
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(ca.device(kp.getPublic(), deviceId, lifetime));
        chain.addAll(ca.chainAbove());
        TunnelSettings settings = new TunnelSettings(List.of(new TunnelSettings.Endpoint("198.18.0.1", 8444)), "100.96.0.2",
                "fd00:1:2::6460:2", List.of("198.18.10.0/24"), List.of(), List.of(), 1380);
        return new DeviceCredentials(deviceId, "test-device", URI.create("https://198.18.0.1:8443/"), Fingerprint.of(ca.root),
                kp.getPrivate(), chain, new AccessToken("header.payload.signature", Instant.now().plusSeconds(900)), settings, Instant.now());
    }
}
