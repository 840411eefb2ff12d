package io.braid.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.json.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.stream.Collectors;

/** Reading requests and writing responses the same way on every route: strict JSON in, JSON out, bounded bodies. */
public final class Exchange {
    /** No manager request needs more (a CSR is under 1 KiB); bigger bodies are refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String CLIENT_CERTIFICATE = "jakarta.servlet.request.X509Certificate";

    private Exchange() {}

    public static <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = boundedBody(ctx);
        if (bytes.length == 0) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the request needs a JSON body");
        }
        try {
            T value = Json.strict().readValue(bytes, type);
            if (value == null) {
                throw new BraidException(ErrorCode.BAD_INPUT, "the request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "unknown field '" + e.getPropertyName() + "'");
        } catch (InvalidFormatException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "field '" + path(e) + "' has the wrong type");
        } catch (MismatchedInputException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, e.getPath().isEmpty()
                    ? "the request body must be a JSON object" : "field '" + path(e) + "' has the wrong type");
        } catch (JsonProcessingException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the request body is not valid JSON");
        } catch (IOException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the request body cannot be read");
        }
    }

    private static byte[] boundedBody(Context ctx) {
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new BraidException(ErrorCode.BAD_INPUT, "the request body cannot be read");
        }
    }

    private static BraidException tooLarge() {
        return new BraidException(ErrorCode.BODY_TOO_LARGE, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m) {
            return m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "?";
    }

    public static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(Json.lenient().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void error(Context ctx, ErrorCode code, String message) {
        json(ctx, HttpErrors.status(code), new io.braid.core.manager.ManagerApi.ErrorBody(code.id(), message));
    }

    /** The leaf certificate the client presented in the TLS handshake (already chain-checked by TLS), or null. */
    public static X509Certificate clientCertificate(Context ctx) {
        Object attr = ctx.req().getAttribute(CLIENT_CERTIFICATE);
        return attr instanceof X509Certificate[] chain && chain.length > 0 ? chain[0] : null;
    }
}
