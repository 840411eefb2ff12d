package io.braid.core.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.PinnedCaTrust;
import io.braid.core.pki.TlsContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTPS server with a certificate from a {@link TestCa} that answers every request with whatever
 * the test scripts: for checking that clients refuse garbage and impostors.
 */
public final class FakeManager implements AutoCloseable {
    private final HttpsServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{}"));
    private final List<String> paths = new ArrayList<>();

    public record Answer(int status, String body) {}

    public FakeManager(TestCa ca) throws IOException {
        KeyPair kp = KeyPairs.p256();
        var chain = new ArrayList<java.security.cert.X509Certificate>();
        chain.add(ca.server(kp.getPublic(), "127.0.0.1"));
        chain.addAll(ca.chainAbove());
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.withIdentity(kp.getPrivate(), chain, PinnedCaTrust.forRoot(ca.root))));
        server.createContext("/", exchange -> {
            synchronized (paths) {
                paths.add(exchange.getRequestURI().getPath());
            }
            exchange.getRequestBody().readAllBytes();
            Answer a = answer.get();
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public void answer(int status, String body) {
        answer.set(new Answer(status, body));
    }

    public URI url() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<String> requestedPaths() {
        synchronized (paths) {
            return List.copyOf(paths);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
