package dev.camelextend.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store behind signed payload URLs: bounded, expiring, unguessable tokens (package-private, hence here). */
class SignedPayloadsTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theOldestPayloadMakesRoomWhenTheStoreIsFull() {
        SignedPayloads store = new SignedPayloads(3);
        String first = store.put(bytes("{\"n\":1}"), T0);
        String second = store.put(bytes("{\"n\":2}"), T0);
        store.put(bytes("{\"n\":3}"), T0);
        store.put(bytes("{\"n\":4}"), T0);
        assertEquals(3, store.size());
        assertEquals(SignedPayloads.Found.UNKNOWN, store.find(first, T0).found());
        assertEquals(SignedPayloads.Found.VALID, store.find(second, T0).found());
        assertArrayEquals(bytes("{\"n\":2}"), store.find(second, T0).payload());
    }

    @Test
    void aTokenIsValidForAnHourThenExpired() {
        SignedPayloads store = new SignedPayloads(10);
        String token = store.put(bytes("{}"), T0);
        assertEquals(SignedPayloads.Found.VALID, store.find(token, T0.plus(SignedPayloads.VALIDITY)).found());
        assertEquals(SignedPayloads.Found.EXPIRED,
                store.find(token, T0.plus(SignedPayloads.VALIDITY).plusMillis(1)).found());
        assertEquals(SignedPayloads.Found.UNKNOWN, store.find("nope", T0).found());
        store.clear();
        assertEquals(SignedPayloads.Found.UNKNOWN, store.find(token, T0).found());
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        SignedPayloads store = new SignedPayloads(10);
        String a = store.put(bytes("{}"), T0);
        String b = store.put(bytes("{}"), T0);
        assertNotEquals(a, b);
        assertTrue(a.matches("[A-Za-z0-9_-]{43}"), a);
    }
}
