package dev.camelextend.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.util.VersionInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up check of the Apache HttpClient 5 an application runs the component on: an older one than the
 * component's fails with the properties to set; the versions it compares with are the component's.
 */
class HttpClientVersionsTest {

    @Test
    void olderComparesNumberByNumber() {
        assertTrue(HttpClientVersions.older("5.5.2", "5.6.3"));
        assertTrue(HttpClientVersions.older("5.6", "5.6.3"));
        assertTrue(HttpClientVersions.older("4.9.9", "5.0"));
        assertFalse(HttpClientVersions.older("5.6.3", "5.6.3"));
        assertFalse(HttpClientVersions.older("5.10.0", "5.6.3"));
        assertFalse(HttpClientVersions.older("5.7-alpha1", "5.6.3"));
        assertFalse(HttpClientVersions.older(null, "5.6.3"), "an unknown version is let through");
        assertFalse(HttpClientVersions.older("UNAVAILABLE", "5.6.3"), "an unknown version is let through");
    }

    @Test
    void springBootsOwnHttpClientFailsWithWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HttpClientVersions.check("5.6.3", "5.5.2", "5.4.3", "5.3.6"));
        assertTrue(e.getMessage().contains("httpclient5.version=5.6.3"), e.getMessage());
        assertTrue(e.getMessage().contains("httpcore5.version=5.4.3"), e.getMessage());
        assertTrue(e.getMessage().contains("HttpClient 5.5.2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> HttpClientVersions.check("5.6.3", "5.6.3", "5.4.3", "5.3.6"),
                     "an older HttpCore alone fails too");
        assertDoesNotThrow(() -> HttpClientVersions.check("5.6.3", "5.6.4", "5.4.3", "5.4.3"));
    }

    @Test
    void theVersionsOnThisClassPathPass() {
        assertNotNull(VersionInfo.loadVersionInfo("org.apache.hc.client5", HttpAsyncClientBuilder.class.getClassLoader()),
                      "HttpClient says its version, so the check compares something");
        assertDoesNotThrow(HttpClientVersions::checkRuntime);
    }

    @Test
    void theStarterComparesWithTheComponentsHttpClient() throws Exception {
        String component = Files.readString(Path.of("..", "camel-extend.pom.xml"));
        Matcher m = Pattern.compile("<httpclient5.version>([^<]+)</httpclient5.version>").matcher(component);
        assertTrue(m.find(), "camel-extend.pom.xml names its HttpClient");
        java.util.Properties built = new java.util.Properties();
        try (var in = HttpClientVersions.class.getResourceAsStream("camel-extend-spring-boot.properties")) {
            built.load(in);
        }
        assertEquals(m.group(1), built.getProperty("httpclient5.version"),
                     "spring-boot/pom.xml's httpclient5.version is camel-extend.pom.xml's");
        String core = VersionInfo.loadVersionInfo("org.apache.hc.core5", HttpAsyncClientBuilder.class.getClassLoader())
                .getRelease();
        assertEquals(built.getProperty("httpcore5.version"), core, "the HttpCore that HttpClient is tested with");
    }
}
