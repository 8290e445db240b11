package dev.camelextend.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.util.VersionInfo;

/**
 * Fails the start, with what to set, when the application runs the component on an older Apache HttpClient 5 than
 * it is built with. Spring Boot's dependency management picks its own HttpClient and HttpCore versions for every
 * application that uses it, also for the ones the component brings; on an older one the component fails at its
 * first request with a NoSuchMethodError that names neither the library nor the fix.
 */
final class HttpClientVersions {

    /** The versions the component is built and tested with, written into this file by the starter's build. */
    private static final String BUILT_WITH = "camel-extend-spring-boot.properties";

    private HttpClientVersions() {
    }

    static void checkRuntime() {
        ClassLoader loader = HttpAsyncClientBuilder.class.getClassLoader();
        check(builtWith("httpclient5.version"), release("org.apache.hc.client5", loader),
              builtWith("httpcore5.version"), release("org.apache.hc.core5", loader));
    }

    /** Throws when a runtime version is known and older than the one built with; an unknown one is let through. */
    static void check(String builtClient, String runtimeClient, String builtCore, String runtimeCore) {
        if (older(runtimeClient, builtClient) || older(runtimeCore, builtCore)) {
            throw new IllegalStateException(
                    "camel-extend is built on Apache HttpClient " + builtClient + " and HttpCore " + builtCore
                    + ", but this application has HttpClient " + runtimeClient + " and HttpCore " + runtimeCore
                    + " (Spring Boot's dependency management chooses its own): set the Maven properties"
                    + " httpclient5.version=" + builtClient + " and httpcore5.version=" + builtCore
                    + " (with spring-boot-starter-parent), or manage org.apache.httpcomponents.client5:httpclient5 at "
                    + builtClient + " and org.apache.httpcomponents.core5:httpcore5 and httpcore5-h2 at " + builtCore
                    + " before importing spring-boot-dependencies");
        }
    }

    /** Whether {@code runtime} is a known release before {@code built}, compared number by number. */
    static boolean older(String runtime, String built) {
        int[] r = numbers(runtime);
        int[] b = numbers(built);
        if (r == null || b == null) {
            return false;
        }
        for (int i = 0; i < Math.max(r.length, b.length); i++) {
            int x = i < r.length ? r[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    /** The leading dot-separated numbers of a release ({@code 5.6.3}, {@code 5.6-beta1}), or null for none. */
    private static int[] numbers(String release) {
        if (release == null) {
            return null;
        }
        String[] parts = release.split("[.-]");
        int n = 0;
        while (n < parts.length && parts[n].matches("[0-9]{1,9}")) {
            n++;
        }
        if (n == 0) {
            return null;
        }
        int[] numbers = new int[n];
        for (int i = 0; i < n; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    private static String release(String module, ClassLoader loader) {
        VersionInfo info = VersionInfo.loadVersionInfo(module, loader);
        return info == null ? null : info.getRelease();
    }

    private static String builtWith(String key) {
        try (InputStream in = HttpClientVersions.class.getResourceAsStream(BUILT_WITH)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
