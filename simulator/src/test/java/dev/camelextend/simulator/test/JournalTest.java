package dev.camelextend.simulator.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.RecordedRequest;
import dev.camelextend.simulator.RecordedRequest.Outcome;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

import static dev.camelextend.simulator.test.SimHttp.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request journal. */
class JournalTest {

    @Test
    void recordsWhatWasSentAndWhatWasAnswered() {
        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test_journal").build().start()) {
            SimHttp http = new SimHttp(sim);
            String id = sim.seedRun("PROCESSING");
            Instant before = Instant.now();
            HttpResponse<String> r = http.send(http.request("/workflow_runs/" + id + "/cancel?trace=a%20b")
                    .header("X-Custom", "one").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            http.get("/workflow_runs?status=CANCELLED&maxPageSize=5");
            List<RecordedRequest> journal = sim.journal();
            assertEquals(2, journal.size());
            RecordedRequest cancel = journal.get(0);
            assertEquals(1, cancel.sequence());
            assertEquals("POST", cancel.method());
            assertEquals("/workflow_runs/" + id + "/cancel", cancel.rawPath());
            assertEquals("/workflow_runs/" + id + "/cancel", cancel.path());
            assertEquals("trace=a%20b", cancel.rawQuery());
            assertEquals("one", cancel.header("x-custom"));
            assertEquals("one", cancel.header("X-CUSTOM"));
            assertEquals("Bearer sk_test_journal", cancel.header("Authorization"));
            assertEquals(ExtendSimulator.API_VERSION, cancel.header("x-extend-api-version"));
            assertEquals("{}", cancel.bodyAsString());
            assertEquals(200, cancel.responseStatus());
            assertEquals(Outcome.ANSWERED, cancel.outcome());
            assertEquals(header(r, ExtendSimulator.REQUEST_ID_HEADER), cancel.requestId());
            assertFalse(cancel.receivedAt().isBefore(before));
            assertFalse(cancel.receivedAt().isAfter(Instant.now()));
            assertEquals("POST /workflow_runs/" + id + "/cancel?trace=a%20b", cancel.requestLine());
            RecordedRequest list = journal.get(1);
            assertEquals(2, list.sequence());
            assertEquals("GET", list.method());
            assertEquals("status=CANCELLED&maxPageSize=5", list.rawQuery());
            assertEquals(0, list.body().length);
            assertEquals(2, sim.requestCount());
        }
    }

    @Test
    void toStringMasksTheAuthorizationHeader() {
        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test_secret_value").build().start()) {
            new SimHttp(sim).get("/workflow_runs");
            String text = sim.journal().get(0).toString();
            assertTrue(text.contains("authorization=***"), text);
            assertFalse(text.contains("sk_test_secret_value"), text);
        }
    }

    @Test
    void journalIsCappedButCountsEveryRequest() {
        try (ExtendSimulator sim = ExtendSimulator.builder().journalCapacity(5).build().start()) {
            SimHttp http = new SimHttp(sim);
            for (int i = 0; i < 8; i++) {
                http.get("/workflow_runs?i=" + i);
            }
            List<RecordedRequest> journal = sim.journal();
            assertEquals(5, journal.size());
            assertEquals(List.of(4L, 5L, 6L, 7L, 8L), journal.stream().map(RecordedRequest::sequence).toList());
            assertEquals("i=7", journal.get(4).rawQuery());
            assertEquals(8, sim.requestCount());
            sim.clearJournal();
            assertEquals(0, sim.journal().size());
            assertEquals(0, sim.requestCount());
            http.get("/workflow_runs");
            assertEquals(9, sim.journal().get(0).sequence(), "sequence numbers keep counting");
        }
    }

    @Test
    void snapshotsAreImmutable() {
        try (ExtendSimulator sim = ExtendSimulator.builder().build().start()) {
            new SimHttp(sim).post("/workflow_runs/x/cancel", "{}");
            List<RecordedRequest> journal = sim.journal();
            assertThrows(UnsupportedOperationException.class, () -> journal.add(journal.get(0)));
            journal.get(0).body()[0] = 'X';
            assertEquals("{}", journal.get(0).bodyAsString());
            assertThrows(UnsupportedOperationException.class, () -> journal.get(0).headers().put("a", List.of()));
            new SimHttp(sim).get("/workflow_runs");
            assertEquals(1, journal.size(), "an older snapshot does not change");
        }
    }

    @Test
    void logsAtDebugWithoutTheApiKey() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        List<String> lines = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("simulator-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        LoggerConfig logger = new LoggerConfig("dev.camelextend.simulator", Level.DEBUG, false);
        logger.addAppender(capture, Level.DEBUG, null);
        config.addLogger("dev.camelextend.simulator", logger);
        ctx.updateLoggers();
        try (ExtendSimulator sim = ExtendSimulator.builder().apiKey("sk_test_never_logged").build().start()) {
            SimHttp http = new SimHttp(sim);
            http.get("/workflow_runs");
            http.send(http.bare("/workflow_runs").header("Authorization", "Bearer sk_wrong_never_logged").GET()
                    .build());
            sim.faults().resetAfterRequestRate(1);
            assertThrows(RuntimeException.class, () -> http.postEmpty("/workflow_runs/x/cancel"));
        } finally {
            config.removeLogger("dev.camelextend.simulator");
            ctx.updateLoggers();
            capture.stop();
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("GET /workflow_runs -> 200")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("-> 401")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("never_logged") || l.contains("Bearer")),
                lines.toString());
        assertNull(lines.stream().filter(l -> l.toLowerCase().contains("authorization")).findAny().orElse(null));
    }
}
