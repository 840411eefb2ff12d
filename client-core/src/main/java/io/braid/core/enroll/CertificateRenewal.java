package io.braid.core.enroll;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.manager.ManagerApi;
import io.braid.core.manager.ManagerClient;
import io.braid.core.pki.CertificateRequests;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import io.braid.core.store.CredentialStore;
import io.braid.core.store.DeviceCredentials;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a device's certificate and token fresh over its existing authenticated channel (mutual TLS
 * with the current certificate). Renewal makes a new key pair each time, so an old key that leaked
 * stops being useful when its certificate is replaced.
 */
public final class CertificateRenewal {
    private static final Logger log = LoggerFactory.getLogger(CertificateRenewal.class);

    private final CredentialStore store;
    private final ManagerClients clients;
    private final Clock clock;

    public CertificateRenewal(CredentialStore store, ManagerClients clients, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.clock = clock;
    }

    /** True when less than a third of the certificate's lifetime is left. */
    public static boolean isDue(X509Certificate certificate, Instant now) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Duration third = Duration.between(notBefore, notAfter).dividedBy(3);
        return !now.isBefore(notAfter.minus(third));
    }

    /** Renews now, whatever the certificate's age. */
    public DeviceCredentials renew(DeviceCredentials current) {
        KeyPair keyPair = KeyPairs.p256();
        String csr = Pem.encode(CertificateRequests.create(keyPair, current.name()));
        ManagerApi.RenewResponse response;
        try (ManagerClient client = clients.authenticated(current)) {
            response = client.renew(new ManagerApi.RenewRequest(csr));
        }
        var chain = IssuedIdentity.verify(response.certificate(), response.caChain(), keyPair.getPublic(), current.deviceId(),
                current.caFingerprint());
        DeviceCredentials renewed = current.withIdentity(keyPair.getPrivate(), chain);
        store.save(renewed);
        log.info("renewed certificate device={} notAfter={}", renewed.deviceId(), renewed.certificate().getNotAfter().toInstant());
        return renewed;
    }

    /** Renews if due; returns the credentials to use from now on. */
    public DeviceCredentials renewIfDue(DeviceCredentials current) {
        return isDue(current.certificate(), clock.instant()) ? renew(current) : current;
    }

    /** Fetches a fresh access token and stores it. */
    public DeviceCredentials refreshToken(DeviceCredentials current) {
        try (ManagerClient client = clients.authenticated(current)) {
            ManagerApi.AccessToken token = client.refreshToken();
            if (token.accessToken() == null || token.expiresAt() == null) {
                throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server's token answer is missing fields");
            }
            DeviceCredentials updated = current.withToken(token);
            store.save(updated);
            return updated;
        }
    }
}
