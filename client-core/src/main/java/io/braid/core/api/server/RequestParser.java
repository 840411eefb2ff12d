package io.braid.core.api.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.braid.core.BraidException;
import io.braid.core.ErrorCode;
import io.braid.core.api.Method;
import io.braid.core.api.messages.Request;
import io.braid.core.json.Json;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads request lines strictly: a typo in a field name or a string where a number belongs is an
 * error naming the field, never silently ignored. Every failure is a {@code bad_input} that the
 * connection answers and survives.
 */
final class RequestParser {
    private RequestParser() {}

    /** A request line that could not be used, with the id to answer to if one could be read. */
    static final class BadRequest extends Exception {
        final Long id;
        final BraidException reason;

        BadRequest(Long id, BraidException reason) {
            super(reason.getMessage(), null, false, false);
            this.id = id;
            this.reason = reason;
        }
    }

    static Request parse(String line) throws BadRequest {
        JsonNode tree;
        try {
            tree = Json.strict().readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadRequest(null, badInput("the request is not valid JSON: " + e.getOriginalMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new BadRequest(null, badInput("a request is one JSON object per line, like {\"id\":1,\"method\":\"status\"}"));
        }
        JsonNode idNode = tree.get("id");
        Long id = idNode != null && idNode.canConvertToExactIntegral() && idNode.isIntegralNumber() ? idNode.asLong() : null;
        if (id == null) {
            throw new BadRequest(null, badInput("the request needs an integer \"id\""));
        }
        Request request;
        try {
            request = Json.strict().treeToValue(tree, Request.class);
        } catch (JsonProcessingException e) {
            throw new BadRequest(id, badInput("bad request: " + explain(e)));
        }
        if (request.method() == null) {
            throw new BadRequest(id, badInput("the request needs a \"method\""));
        }
        if (request.params() != null && !request.params().isNull() && !request.params().isObject()) {
            throw new BadRequest(id, badInput("\"params\" must be a JSON object"));
        }
        return request;
    }

    static Method method(Request request) {
        return Method.fromWire(request.method()).orElseThrow(() -> badInput("unknown method '" + request.method() + "'; this agent knows "
                + Arrays.stream(Method.values()).map(Method::wire).collect(Collectors.joining(", "))));
    }

    /** The parameters as {@code type}; absent parameters are an empty object, so every field takes its default. */
    static <T> T params(Method method, JsonNode params, Class<T> type) {
        JsonNode object = params == null || params.isNull() ? Json.strict().createObjectNode() : params;
        try {
            return Json.strict().treeToValue(object, type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof BraidException b) {
                throw b;
            }
            throw badInput("bad parameters for '" + method.wire() + "': " + explain(e));
        } catch (JsonProcessingException e) {
            throw badInput("bad parameters for '" + method.wire() + "': " + explain(e));
        }
    }

    /** Refuses parameters for a method that takes none, so a misspelt call does not pass unnoticed. */
    static void none(Method method, JsonNode params) {
        if (params != null && !params.isNull() && !params.isEmpty()) {
            throw badInput("'" + method.wire() + "' takes no parameters");
        }
    }

    private static String explain(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            return "field '" + field(f) + "' cannot be " + f.getValue();
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "field '" + field(m) + "' has the wrong type";
        }
        return e.getOriginalMessage();
    }

    private static String field(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static BraidException badInput(String message) {
        return new BraidException(ErrorCode.BAD_INPUT, message);
    }
}
