package io.braid.core.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.messages.EnrollParams;
import io.braid.core.api.messages.EnrollResult;
import io.braid.core.manager.ManagerApi;
import io.braid.core.manager.ManagerClient;
import io.braid.core.pki.CertificateRequests;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls this device: makes its key pair here (the private key never leaves), sends a CSR with the
 * enrollment key to the manager over TLS pinned to the link's CA, checks what comes back, and only
 * then stores the identity. Any failure leaves the state directory as it was.
 */
public final class Enrollment {
    private static final Logger log = LoggerFactory.getLogger(Enrollment.class);

    private final CredentialStore store;
    private final ManagerClients clients;
    private final Clock clock;

    public Enrollment(CredentialStore store, ManagerClients clients, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * {@code enroll} as the local API defines it, for the agent and the CLI alike: the device is named
     * after the host unless the caller says otherwise.
     */
    public EnrollResult enroll(EnrollParams params) {
        String name = params.name() != null ? params.name() : LocalDevice.hostName();
        DeviceCredentials c = enroll(params.target(), name, LocalDevice.osDescription(), params.forced());
        return EnrollResult.of(c, store.directory().toString());
    }

    public DeviceCredentials enroll(EnrollmentLink link, String deviceName, String os, boolean force) {
        if (deviceName == null || deviceName.isBlank() || deviceName.length() > 64) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the device name must be 1 to 64 characters");
        }
        if (!force) {
            store.load().ifPresent(existing -> {
                throw new BraidException(ErrorCode.ALREADY_ENROLLED, "this device is already enrolled as " + existing.deviceId()
                        + " with " + existing.server() + "; use --force to enroll again");
            });
        }
        KeyPair keyPair = KeyPairs.p256();
        String csr = Pem.encode(CertificateRequests.create(keyPair, deviceName));
        ManagerApi.EnrollResponse response;
        try (ManagerClient client = clients.anonymous(link.server(), link.caFingerprint())) {
            response = client.enroll(new ManagerApi.EnrollRequest(link.key(), csr, deviceName, os));
        }
        if (response.deviceId() == null || response.token() == null || response.token().accessToken() == null
                || response.settings() == null) {
            throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server's enrollment answer is missing fields");
        }
        List<java.security.cert.X509Certificate> chain = IssuedIdentity.verify(
                response.certificate(), response.caChain(), keyPair.getPublic(), response.deviceId(), link.caFingerprint());
        DeviceCredentials credentials = new DeviceCredentials(response.deviceId(), deviceName, link.server(), link.caFingerprint(),
                keyPair.getPrivate(), chain, response.token(), response.settings(), clock.instant());
        store.save(credentials);
        log.info("enrolled device={} server={}", credentials.deviceId(), credentials.server());
        return credentials;
    }
}
