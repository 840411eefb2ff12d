package io.braid.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** TLS 1.3 contexts for Braid's connections: every peer pinned to Braid's CA, optionally with our own certificate. */
public final class TlsContexts {
    public static final String PROTOCOL = "TLSv1.3";
    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private TlsContexts() {}

    /** A context that trusts only {@code trust} and presents no certificate of its own. */
    public static SSLContext anonymous(PinnedCaTrust trust) {
        return build(null, trust);
    }

    /** A context that presents {@code chain} (leaf first) signed by {@code key} and trusts only {@code trust}. */
    public static SSLContext withIdentity(PrivateKey key, List<X509Certificate> chain, PinnedCaTrust trust) {
        return build(keyManagers(key, chain), trust);
    }

    public static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("identity", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, IN_MEMORY_PASSWORD);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot load a TLS identity", e);
        }
    }

    private static SSLContext build(KeyManager[] keyManagers, TrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance(PROTOCOL);
            ctx.init(keyManagers, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS 1.3", e);
        }
    }
}
