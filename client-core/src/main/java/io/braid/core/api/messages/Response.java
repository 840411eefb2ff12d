package io.braid.core.api.messages;

/**
 * One answer line: {@code {"id": 7, "result": {...}}} or {@code {"id": 7, "error": {"code": "...", "message": "..."}}}.
 * {@code id} repeats the request's; it is absent when the request line could not be read at all.
 */
public record Response(Long id, Object result, ApiError error) {
    public static Response ok(Long id, Object result) {
        return new Response(id, result, null);
    }

    public static Response failed(Long id, ApiError error) {
        return new Response(id, null, error);
    }
}
