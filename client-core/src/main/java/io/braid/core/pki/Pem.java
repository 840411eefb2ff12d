package io.braid.core.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM text to and from certificates, certificate requests and private keys. */
public final class Pem {
    private Pem() {}

    public static String encode(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("PEM encoding failed", e);
        }
        return out.toString();
    }

    public static String encodeChain(List<X509Certificate> chain) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : chain) {
            sb.append(encode(c));
        }
        return sb.toString();
    }

    /** Every certificate in the text, in order; throws {@link CertificateException} if there is none or one is malformed. */
    public static List<X509Certificate> certificates(String pem) throws CertificateException {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new CertificateException("no PEM certificate found");
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> result = new ArrayList<>();
        for (var c : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
            result.add((X509Certificate) c);
        }
        if (result.isEmpty()) {
            throw new CertificateException("no PEM certificate found");
        }
        return result;
    }

    public static X509Certificate certificate(String pem) throws CertificateException {
        List<X509Certificate> all = certificates(pem);
        if (all.size() != 1) {
            throw new CertificateException("expected one certificate, found " + all.size());
        }
        return all.getFirst();
    }

    /** A PKCS#10 request from PEM; throws {@link IOException} when the text is not one. */
    public static PKCS10CertificationRequest csr(String pem) throws IOException {
        Object parsed = parse(pem);
        if (parsed instanceof PKCS10CertificationRequest csr) {
            return csr;
        }
        throw new IOException("not a PEM certificate request");
    }

    public static PrivateKey privateKey(String pem) throws IOException {
        Object parsed = parse(pem);
        if (parsed instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
            return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (parsed instanceof PrivateKeyInfo info) {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }
        throw new IOException("not a PEM private key");
    }

    private static Object parse(String pem) throws IOException {
        if (pem == null || pem.isBlank()) {
            throw new IOException("empty PEM text");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (o == null) {
                throw new IOException("no PEM object found");
            }
            return o;
        } catch (RuntimeException e) {
            // BouncyCastle reports some malformed encodings as unchecked exceptions.
            throw new IOException("malformed PEM: " + e.getMessage(), e);
        }
    }
}
