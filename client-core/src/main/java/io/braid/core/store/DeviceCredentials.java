package io.braid.core.store;

import io.braid.core.manager.ManagerApi.AccessToken;
import io.braid.core.manager.TunnelSettings;
import io.braid.core.pki.Fingerprint;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * An enrolled device's identity: its private key and certificate chain (leaf, issuing CA, root), the
 * manager it belongs to and the pinned CA, its current access token and tunnel settings.
 */
public record DeviceCredentials(
        String deviceId,
        String name,
        URI server,
        Fingerprint caFingerprint,
        PrivateKey privateKey,
        List<X509Certificate> chain,
        AccessToken token,
        TunnelSettings settings,
        Instant enrolledAt) {

    public DeviceCredentials {
        chain = List.copyOf(chain);
        if (chain.size() < 2) {
            throw new IllegalArgumentException("a device chain has the leaf and at least the root");
        }
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public X509Certificate root() {
        return chain.getLast();
    }

    public DeviceCredentials withToken(AccessToken newToken) {
        return new DeviceCredentials(deviceId, name, server, caFingerprint, privateKey, chain, newToken, settings, enrolledAt);
    }

    public DeviceCredentials withSettings(TunnelSettings newSettings) {
        return new DeviceCredentials(deviceId, name, server, caFingerprint, privateKey, chain, token, newSettings, enrolledAt);
    }

    public DeviceCredentials withIdentity(PrivateKey newKey, List<X509Certificate> newChain) {
        return new DeviceCredentials(deviceId, name, server, caFingerprint, newKey, newChain, token, settings, enrolledAt);
    }

    @Override
    public String toString() {
        // Keys and tokens never reach a log through toString().
        return "DeviceCredentials[deviceId=" + deviceId + ", server=" + server + "]";
    }
}
