package io.braid.core.engine;

import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.control.CloseReason;
import io.braid.core.control.ControlMessage;
import io.braid.core.crypto.AeadAlgorithm;
import io.braid.core.crypto.CpuFeatures;
import io.braid.core.crypto.EpochKeyExchange;
import io.braid.core.crypto.EpochKeys;
import io.braid.core.crypto.Role;
import io.braid.core.manager.TunnelSettings;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import io.braid.core.protocol.RekeyPolicy;
import io.braid.core.protocol.SessionCrypto;
import io.braid.core.store.DeviceCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The client's side of session setup: a TLS 1.3 connection to the headend with the device
 * certificate (the headend pinned to Braid's root and checked against the name the device was
 * given), then Hello with the access token and epoch 0's public value, and the Welcome. The data
 * keys come from the connection's exporter and the X25519 exchange; nothing secret crosses the wire.
 */
final class HeadendHandshake {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int WELCOME_TIMEOUT_MILLIS = 10_000;

    private HeadendHandshake() {}

    /** A set-up session: its control connection, the headend's answer and the session's crypto. */
    record Established(ControlConnection control, ControlMessage.Welcome welcome, SessionCrypto crypto,
            InetSocketAddress headend, String headendName) {}

    static Established connect(DeviceCredentials device, RekeyPolicy rekey, SecureRandom random, long nowNanos) throws IOException {
        List<TunnelSettings.Endpoint> headends = device.settings().headends();
        if (headends.isEmpty()) {
            throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the manager gave this device no headend to connect to");
        }
        TunnelSettings.Endpoint endpoint = headends.getFirst();
        // Resolved on every attempt, so a headend that moved (new public IP) is found again.
        InetAddress address = InetAddress.getByName(endpoint.host());
        InetSocketAddress target = new InetSocketAddress(address, endpoint.port());
        PinnedCaTrust trust = PinnedCaTrust.forRoot(device.root());
        SSLSocket socket = (SSLSocket) TlsContexts.withIdentity(device.privateKey(), device.chain(), trust).getSocketFactory().createSocket();
        ControlConnection control = null;
        try {
            SSLParameters params = socket.getSSLParameters();
            params.setProtocols(new String[] {TlsContexts.PROTOCOL});
            params.setEndpointIdentificationAlgorithm("HTTPS");
            if (!Character.isDigit(endpoint.host().charAt(0)) && !endpoint.host().contains(":")) {
                params.setServerNames(List.of(new SNIHostName(endpoint.host())));
            }
            socket.setSSLParameters(params);
            socket.setTcpNoDelay(true);
            socket.connect(target, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(WELCOME_TIMEOUT_MILLIS);
            socket.startHandshake();
            control = new ControlConnection(socket);

            EpochKeyExchange exchange = EpochKeyExchange.start(Role.INITIATOR, 0, random);
            boolean aes = CpuFeatures.hasAesInstructions();
            control.send(new ControlMessage.Hello(ControlMessage.PROTOCOL_VERSION, device.token().accessToken(), aes,
                    encode(exchange.publicKey())));
            ControlMessage answer = control.readMessage(WELCOME_TIMEOUT_MILLIS);
            if (answer instanceof ControlMessage.Close close) {
                throw refusal(close);
            }
            if (!(answer instanceof ControlMessage.Welcome welcome)) {
                throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the headend answered the hello with " + answer.getClass().getSimpleName());
            }
            AeadAlgorithm aead = AeadAlgorithm.fromWireCode(welcome.aead());
            SessionCrypto crypto = new SessionCrypto(Role.INITIATOR, welcome.sessionId(), aead, rekey,
                    maxPayload(welcome.mtu()));
            EpochKeys keys = exchange.finish(control.exporter(welcome.sessionId()), welcome.sessionId(), aead, decode(welcome.epochPublicKey()));
            crypto.installKeys(keys, nowNanos);
            keys.destroy();
            socket.setSoTimeout(0);
            return new Established(control, welcome, crypto, target, endpoint.toString());
        } catch (IOException | RuntimeException e) {
            if (control != null) {
                control.close();
            } else {
                socket.close();
            }
            throw e;
        }
    }

    /** The largest body either end seals: an inner packet of the tunnel MTU, or a padded MTU probe. */
    static int maxPayload(int tunnelMtu) {
        return Math.max(tunnelMtu, 1500);
    }

    static BraidException refusal(ControlMessage.Close close) {
        ErrorCode code = switch (close.reason()) {
            case CloseReason.REVOKED -> ErrorCode.DEVICE_REVOKED;
            case CloseReason.DISABLED -> ErrorCode.DEVICE_DISABLED;
            case CloseReason.UNAUTHORIZED, CloseReason.TOKEN_EXPIRED -> ErrorCode.UNAUTHENTICATED;
            default -> ErrorCode.SERVER_UNREACHABLE;
        };
        return new BraidException(code, "the headend refused the session: " + close.message());
    }

    static String encode(byte[] publicKey) {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    static byte[] decode(String publicKey) throws IOException {
        try {
            byte[] b = Base64.getDecoder().decode(publicKey);
            if (b.length != 32) {
                throw new IOException("an X25519 public value has 32 bytes");
            }
            return b;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("malformed X25519 public value");
        }
    }
}
