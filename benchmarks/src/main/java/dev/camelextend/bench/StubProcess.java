package dev.camelextend.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StubServer} in a JVM of its own, so that the client JVM's threads, CPU time and allocation are the client's
 * alone. The child serves until this object closes its standard input (or this JVM dies).
 */
public final class StubProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StubServer.Engine engine;

    private StubProcess(Process process, int port, StubServer.Engine engine) {
        this.process = process;
        this.port = port;
        this.engine = engine;
    }

    public static StubProcess start(StubServer.Engine engine, int ioThreads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC",
                "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
                StubServer.class.getName(), engine.name(), Integer.toString(ioThreads)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("STUB_PORT=")) {
                return new StubProcess(p, Integer.parseInt(line.substring("STUB_PORT=".length()).trim()), engine);
            }
        }
        p.destroyForcibly();
        throw new IOException("the stub process ended before telling its port");
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public StubServer.Engine engine() {
        return engine;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the stub process has used so far, in nanoseconds (-1 when the OS does not tell). */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    public StubServer.Stats stats() {
        return StubServer.Stats.parse(call("GET", "/_stats"));
    }

    public void reset() {
        call("POST", "/_reset");
    }

    /** A plain socket, so the admin calls start no thread in this JVM (java.net.http would). */
    private String call(String method, String path) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                       + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            return body < 0 ? "" : response.substring(body + 4);
        } catch (IOException e) {
            throw new IllegalStateException("stub admin call failed: " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
