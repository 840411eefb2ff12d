package io.braid.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.braid.core.testing.SelfSignedTls;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the JDK 25 exporter works here: a real mutually authenticated TLS 1.3 handshake over
 * loopback, each end exports keying material, runs its half of an X25519 epoch exchange over
 * the same connection, and both derive the same epoch keys (mirrored by role).
 */
class TlsExporterKeyScheduleTest {
    private static final int SESSION_ID = 0x0B1A1D00;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void bothEndsOfARealTls13ConnectionDeriveTheSameKeys() throws Exception {
        SelfSignedTls headend = SelfSignedTls.create("headend");
        SelfSignedTls client = SelfSignedTls.create("client");
        SecureRandom random = new SecureRandom();

        try (SSLServerSocket server = (SSLServerSocket) headend.context(client.certificate()).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setNeedClientAuth(true);
            server.setEnabledProtocols(new String[] {"TLSv1.3"});

            CompletableFuture<byte[][]> responderSide = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    byte[] exporter = export(s);
                    var in = new DataInputStream(s.getInputStream());
                    var out = new DataOutputStream(s.getOutputStream());
                    byte[] initiatorPub = in.readNBytes(32);
                    EpochKeyExchange mine = EpochKeyExchange.start(Role.RESPONDER, 0, random);
                    out.write(mine.publicKey());
                    out.flush();
                    EpochKeys keys = mine.finish(exporter, SESSION_ID, AeadAlgorithm.CHACHA20_POLY1305, initiatorPub);
                    return new byte[][] {exporter, keys.sealKey(), keys.openKey(), s.getSession().getProtocol().getBytes()};
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });

            byte[] exporter;
            EpochKeys keys;
            try (SSLSocket s = (SSLSocket) client.context(headend.certificate()).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setEnabledProtocols(new String[] {"TLSv1.3"});
                s.startHandshake();
                exporter = export(s);
                EpochKeyExchange mine = EpochKeyExchange.start(Role.INITIATOR, 0, random);
                var out = new DataOutputStream(s.getOutputStream());
                out.write(mine.publicKey());
                out.flush();
                byte[] responderPub = new DataInputStream(s.getInputStream()).readNBytes(32);
                keys = mine.finish(exporter, SESSION_ID, AeadAlgorithm.CHACHA20_POLY1305, responderPub);
            }
            byte[][] responder = responderSide.get(20, TimeUnit.SECONDS);

            assertThat(new String(responder[3])).isEqualTo("TLSv1.3");
            assertThat(exporter).hasSize(32).isEqualTo(responder[0]);
            assertThat(keys.sealKey()).isEqualTo(responder[2]); // initiator seals what responder opens
            assertThat(keys.openKey()).isEqualTo(responder[1]);
            assertThat(keys.sealKey()).isNotEqualTo(keys.openKey());
        }
    }

    private static byte[] export(SSLSocket s) throws Exception {
        return ((ExtendedSSLSession) s.getSession()).exportKeyingMaterialData(
                KeySchedule.EXPORTER_LABEL, KeySchedule.exporterContext(SESSION_ID), KeySchedule.EXPORTER_BYTES);
    }
}
