package dev.camelextend.client;

import org.apache.hc.core5.http.Method;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one rule that puts a request in Extend's rate-limit categories: a GET is a read, anything else a write. */
class RequestCategoryTest {

    @Test
    void aGetIsARead() {
        assertEquals(RequestCategory.READ, RequestCategory.of(Method.GET));
    }

    @Test
    void everyOtherMethodIsAWriteAndNoneIsARun() {
        for (Method method : Method.values()) {
            if (method != Method.GET) {
                assertEquals(RequestCategory.WRITE, RequestCategory.of(method), method.name());
            }
        }
    }

    @Test
    void theOperationsFallInTheCategoriesExtendCountsThemIn() {
        assertEquals(RequestCategory.WRITE, RequestCategory.of(ApiOperation.CANCEL_RUN.method()));
        assertEquals(RequestCategory.READ, RequestCategory.of(ApiOperation.GET_RUN.method()));
    }
}
