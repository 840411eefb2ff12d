package io.braid.core.enroll;

import io.braid.core.http.JsonHttpClient;
import io.braid.core.manager.ManagerClient;
import io.braid.core.pki.Fingerprint;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.core.store.DeviceCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Builds manager clients with the right trust: the link's pin before enrollment, the stored identity after. */
public final class ManagerClients {
    private final Duration timeout;

    public ManagerClients(Duration timeout) {
        this.timeout = timeout;
    }

    public static ManagerClients standard() {
        return new ManagerClients(Duration.ofSeconds(15));
    }

    /** For enrollment: trusts only the CA with this fingerprint and presents no certificate. */
    public ManagerClient anonymous(URI server, Fingerprint pin) {
        PinnedCaTrust trust = PinnedCaTrust.forFingerprint(pin);
        return new ManagerClient(new JsonHttpClient(server, TlsContexts.anonymous(trust), trust, timeout, Map.of()));
    }

    /** For an enrolled device: authenticates with its certificate (mutual TLS) and trusts its stored root. */
    public ManagerClient authenticated(DeviceCredentials device) {
        PinnedCaTrust trust = PinnedCaTrust.forRoot(device.root());
        return new ManagerClient(new JsonHttpClient(device.server(), TlsContexts.withIdentity(device.privateKey(), device.chain(), trust),
                trust, timeout, Map.of()));
    }
}
