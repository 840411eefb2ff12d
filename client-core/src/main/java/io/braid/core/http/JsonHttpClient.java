package io.braid.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.json.Json;
import io.braid.core.manager.ManagerApi;
import io.braid.core.pki.PinnedCaTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.TlsVersion;

/**
 * JSON over HTTPS to a Braid server, trusting only Braid's pinned CA (TLS 1.3). Every failure becomes
 * a {@link BraidException} whose code says what went wrong (unreachable, wrong CA, an error the server
 * reported, an answer that makes no sense) and whose message a user can read.
 */
public final class JsonHttpClient implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Braid answers are a few kilobytes (an audit export a few megabytes); anything bigger is not Braid. */
    private static final int MAX_RESPONSE_BYTES = 16 << 20;
    /**
     * One dispatcher and connection pool for the whole process; each client derives from it with its own
     * TLS settings (OkHttp keys pooled connections by those, so clients never share a connection).
     */
    private static final OkHttpClient SHARED = new OkHttpClient();

    private final URI base;
    private final OkHttpClient http;
    private final Map<String, String> headers;

    public JsonHttpClient(URI base, SSLContext tls, PinnedCaTrust trust, Duration timeout, Map<String, String> headers) {
        this.base = base;
        this.headers = Map.copyOf(headers);
        this.http = SHARED.newBuilder()
                .sslSocketFactory(tls.getSocketFactory(), trust)
                .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.RESTRICTED_TLS).tlsVersions(TlsVersion.TLS_1_3).build()))
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public URI base() {
        return base;
    }

    public <T> T get(String path, JavaType type) {
        return send(request(path).get().build(), type);
    }

    public <T> T post(String path, Object body, JavaType type) {
        return send(request(path).post(RequestBody.create(encode(body), JSON)).build(), type);
    }

    public <T> T delete(String path, JavaType type) {
        return send(request(path).delete().build(), type);
    }

    public <T> T get(String path, Class<T> type) {
        return get(path, Json.lenient().constructType(type));
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return post(path, body, Json.lenient().constructType(type));
    }

    /** Nothing to release per client (threads and pool are shared); kept so callers can scope a client. */
    @Override
    public void close() {}

    private Request.Builder request(String path) {
        Request.Builder b = new Request.Builder().url(base.resolve(path).toString());
        headers.forEach(b::header);
        return b;
    }

    private static byte[] encode(Object body) {
        try {
            return Json.lenient().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be encoded", e);
        }
    }

    private <T> T send(Request request, JavaType type) {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = readBounded(response);
            if (!response.isSuccessful()) {
                throw serverError(response.code(), body);
            }
            try {
                T value = Json.lenient().readValue(body, type);
                if (value == null) {
                    throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server at " + base + " answered with an empty body");
                }
                return value;
            } catch (IOException e) {
                throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server at " + base + " answered with something that is not a Braid response");
            }
        } catch (SSLException e) {
            throw tlsError(e);
        } catch (ConnectException | UnknownHostException | SocketTimeoutException | NoRouteToHostException e) {
            throw new BraidException(ErrorCode.SERVER_UNREACHABLE, "cannot reach the server at " + base + ": " + describe(e), e);
        } catch (IOException e) {
            throw new BraidException(ErrorCode.SERVER_UNREACHABLE, "connection to " + base + " failed: " + describe(e), e);
        }
    }

    private BraidException tlsError(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException ce) {
                return new BraidException(ErrorCode.CA_MISMATCH, "refusing the server at " + base + ": " + ce.getMessage(), e);
            }
        }
        if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("hostname")) {
            return new BraidException(ErrorCode.TLS_FAILURE, "the server's certificate is not valid for " + base.getHost()
                    + " (start the server with --public-host " + base.getHost() + ")", e);
        }
        return new BraidException(ErrorCode.TLS_FAILURE, "TLS handshake with " + base + " failed: " + describe(e), e);
    }

    private BraidException serverError(int status, byte[] body) {
        try {
            ManagerApi.ErrorBody error = Json.lenient().readValue(body, ManagerApi.ErrorBody.class);
            if (error != null && error.error() != null && error.message() != null) {
                return new BraidException(ErrorCode.fromId(error.error()), error.message());
            }
        } catch (IOException ignored) {
            // not a Braid error body: report the status below
        }
        return new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server at " + base + " answered HTTP " + status + " without a Braid error");
    }

    private static byte[] readBounded(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().byteStream()) {
            byte[] data = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (data.length > MAX_RESPONSE_BYTES) {
                throw new BraidException(ErrorCode.BAD_SERVER_RESPONSE, "the server's answer is too large to be a Braid response");
            }
            return data;
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
