package dev.camelextend.client;

import org.apache.hc.core5.http.Method;

/**
 * One request as the call rules hand it to {@link Sending}: what is asked, of which URL, for which workspace, and the
 * JSON body of a write that carries one. The body is made once per call and sent as it is by every attempt, so a retry
 * asks exactly what the first attempt asked.
 *
 * @param method      the HTTP method; it also decides the request's {@link RequestCategory}
 * @param url         the whole URL, query included
 * @param workspaceId sent as {@code x-extend-workspace-id}; null or blank for none
 * @param jsonBody    the UTF-8 JSON body, or null for a request without one
 */
record ApiRequest(Method method, String url, String workspaceId, byte[] jsonBody) {

    /** A request without a body. */
    static ApiRequest of(Method method, String url, String workspaceId) {
        return new ApiRequest(method, url, workspaceId, null);
    }
}
