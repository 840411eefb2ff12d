package io.braid.e2e.peers;

import io.braid.core.netcfg.CommandRunner;
import io.braid.core.testing.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PKI for OpenVPN's TLS mode, made with openssl at test time (nothing downloaded):
 * a P-256 CA, a server certificate (serverAuth, checked by the client's remote-cert-tls) and a
 * client certificate, valid for two days, in {@code dir}.
 */
record OpenVpnPki(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    static OpenVpnPki create(Path dir) throws IOException {
        Files.createDirectories(dir);
        CommandRunner sh = Netns.HOST;
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.crt");
        sh.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", caKey.toString(),
                "-out", ca.toString(), "-days", "2", "-subj", "/CN=braid-reference-ca");
        leaf(dir, "server", "serverAuth", ca, caKey);
        leaf(dir, "client", "clientAuth", ca, caKey);
        return new OpenVpnPki(ca, dir.resolve("server.crt"), dir.resolve("server.key"), dir.resolve("client.crt"), dir.resolve("client.key"));
    }

    private static void leaf(Path dir, String name, String usage, Path ca, Path caKey) throws IOException {
        Path ext = Files.writeString(dir.resolve(name + ".ext"), "extendedKeyUsage=" + usage + "\nkeyUsage=digitalSignature,keyAgreement\n");
        Netns.HOST.run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", dir.resolve(name + ".key").toString(),
                "-out", dir.resolve(name + ".csr").toString(), "-subj", "/CN=" + name);
        Netns.HOST.run("openssl", "x509", "-req", "-in", dir.resolve(name + ".csr").toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", dir.resolve(name + ".crt").toString(), "-days", "2", "-extfile", ext.toString());
    }
}
