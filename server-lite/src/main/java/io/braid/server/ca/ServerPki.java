package io.braid.server.ca;

import io.braid.core.pki.KeyPairs;
import io.braid.core.pki.Pem;
import io.braid.core.store.AtomicFiles;
import io.braid.core.store.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's key material in {@code DATA_DIR/pki}: the CA (root and issuing), the manager's TLS
 * certificate and the token-signing key, as PEM files (keys owner-only). Created on first start, as a
 * whole (built in a temporary directory, then renamed into place), and reused afterwards. The manager
 * certificate is re-issued when the public host names change or a third of its life is left.
 */
public final class ServerPki {
    private static final Logger log = LoggerFactory.getLogger(ServerPki.class);
    private static final String ROOT_CRT = "root-ca.crt";
    private static final String ROOT_KEY = "root-ca.key";
    private static final String ISSUING_CRT = "issuing-ca.crt";
    private static final String ISSUING_KEY = "issuing-ca.key";
    private static final String MANAGER_CRT = "manager.crt";
    private static final String MANAGER_KEY = "manager.key";
    private static final String TOKEN_KEY = "token-signing.key";

    private final CertificateAuthority ca;
    private final PrivateKey managerKey;
    private final X509Certificate managerCertificate;
    private final PrivateKey tokenSigningKey;

    private ServerPki(CertificateAuthority ca, PrivateKey managerKey, X509Certificate managerCertificate, PrivateKey tokenSigningKey) {
        this.ca = ca;
        this.managerKey = managerKey;
        this.managerCertificate = managerCertificate;
        this.tokenSigningKey = tokenSigningKey;
    }

    /** Where the root certificate of a data directory lives (the admin CLI pins it). */
    public static Path rootCertificate(Path dataDir) {
        return dataDir.resolve("pki").resolve(ROOT_CRT);
    }

    public static ServerPki loadOrCreate(Path dataDir, List<String> hosts, Clock clock) throws IOException {
        Path dir = dataDir.resolve("pki");
        if (!Files.exists(dir.resolve(ROOT_CRT))) {
            createInto(dir, clock);
        }
        try {
            X509Certificate root = Pem.certificate(Files.readString(dir.resolve(ROOT_CRT)));
            X509Certificate issuing = Pem.certificate(Files.readString(dir.resolve(ISSUING_CRT)));
            PrivateKey issuingKey = Pem.privateKey(Files.readString(dir.resolve(ISSUING_KEY)));
            PrivateKey tokenKey = Pem.privateKey(Files.readString(dir.resolve(TOKEN_KEY)));
            CertificateAuthority ca = new CertificateAuthority(root, issuing, issuingKey, clock);
            PrivateKey managerKey;
            X509Certificate managerCert;
            if (needsNewManagerCertificate(dir, hosts, clock.instant())) {
                KeyPair kp = KeyPairs.p256();
                managerKey = kp.getPrivate();
                managerCert = ca.issueServer(kp.getPublic(), hosts.getFirst(), hosts);
                writeKey(dir.resolve(MANAGER_KEY), managerKey);
                AtomicFiles.write(dir.resolve(MANAGER_CRT), Pem.encode(managerCert).getBytes(StandardCharsets.US_ASCII));
                log.info("issued manager TLS certificate for {}", hosts);
            } else {
                managerKey = Pem.privateKey(Files.readString(dir.resolve(MANAGER_KEY)));
                managerCert = Pem.certificate(Files.readString(dir.resolve(MANAGER_CRT)));
            }
            return new ServerPki(ca, managerKey, managerCert, tokenKey);
        } catch (CertificateException e) {
            throw new IOException("the data directory's PKI files are damaged: " + e.getMessage(), e);
        }
    }

    private static void createInto(Path dir, Clock clock) throws IOException {
        Path tmp = Files.createTempDirectory(OwnerOnly.directory(dir.getParent()), ".pki-");
        try {
            OwnerOnly.restrict(tmp, true);
            CertificateAuthority.Created created = CertificateAuthority.create("Braid", clock);
            AtomicFiles.write(tmp.resolve(ROOT_CRT), Pem.encode(created.root()).getBytes(StandardCharsets.US_ASCII));
            writeKey(tmp.resolve(ROOT_KEY), created.rootKey().getPrivate());
            AtomicFiles.write(tmp.resolve(ISSUING_CRT), Pem.encode(created.issuing()).getBytes(StandardCharsets.US_ASCII));
            writeKey(tmp.resolve(ISSUING_KEY), created.issuingKey().getPrivate());
            writeKey(tmp.resolve(TOKEN_KEY), KeyPairs.p256().getPrivate());
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            log.info("created a new certificate authority in {}", dir);
        } finally {
            if (Files.exists(tmp)) {
                try (var files = Files.list(tmp)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static boolean needsNewManagerCertificate(Path dir, List<String> hosts, Instant now) throws IOException {
        if (!Files.exists(dir.resolve(MANAGER_CRT)) || !Files.exists(dir.resolve(MANAGER_KEY))) {
            return true;
        }
        try {
            X509Certificate current = Pem.certificate(Files.readString(dir.resolve(MANAGER_CRT)));
            Instant notAfter = current.getNotAfter().toInstant();
            Duration third = Duration.between(current.getNotBefore().toInstant(), notAfter).dividedBy(3);
            return now.isAfter(notAfter.minus(third)) || !sanValues(current).equals(normalized(hosts));
        } catch (CertificateException e) {
            return true;
        }
    }

    private static Set<String> sanValues(X509Certificate cert) throws CertificateParsingException {
        Set<String> values = new LinkedHashSet<>();
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        if (sans != null) {
            for (List<?> san : sans) {
                values.add(normalize(String.valueOf(san.get(1))));
            }
        }
        return values;
    }

    private static Set<String> normalized(List<String> hosts) {
        Set<String> values = new LinkedHashSet<>();
        for (String h : hosts) {
            values.add(normalize(h));
        }
        return values;
    }

    /** IP literals in one spelling (the JDK's), so "::1" and "0:0:0:0:0:0:0:1" compare equal. */
    private static String normalize(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (CertificateAuthority.isIpLiteral(h)) {
            try {
                return java.net.InetAddress.ofLiteral(h).getHostAddress();
            } catch (IllegalArgumentException e) {
                return h;
            }
        }
        return h.toLowerCase(java.util.Locale.ROOT);
    }

    private static void writeKey(Path path, PrivateKey key) throws IOException {
        AtomicFiles.write(path, Pem.encode(new JcaPKCS8Generator(key, null)).getBytes(StandardCharsets.US_ASCII));
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public PrivateKey managerKey() {
        return managerKey;
    }

    /** The manager's TLS chain as it is sent to clients: leaf, issuing CA, root (clients pin the root). */
    public List<X509Certificate> managerChain() {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(managerCertificate);
        chain.addAll(ca.chain());
        return chain;
    }

    public PrivateKey tokenSigningKey() {
        return tokenSigningKey;
    }
}
