package dev.camelextend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.camelextend.model.ExtendJson;
import dev.camelextend.model.FileSummary;
import dev.camelextend.model.StepRun;
import dev.camelextend.model.WorkflowRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of mapping one answer body - time and, with {@code -prof gc}, bytes allocated ({@code gc.alloc.rate.norm}) -
 * with no HTTP around it: the fixture's bytes are read once, then
 * <ul>
 * <li>{@code readValue}: {@code mapper.readValue(bytes, WorkflowRun.class)} with {@link ExtendJson}'s mapper, what the
 * component does with a 2xx body;</li>
 * <li>{@code readValueAndGetAll}: the same, then every getter of the run and its parts a route might call (timestamps,
 * step results, metadata), so that work deferred to first use is counted too;</li>
 * <li>{@code readTree}: {@code mapper.readTree(bytes)} with the same mapper, the reference (a JSON tree, no binding);</li>
 * <li>{@code readTreePlain}: {@code readTree} with a default {@code new ObjectMapper()};</li>
 * <li>{@code readValueJavaTimeModule}: {@code readValue} with a mapper configured as {@link ExtendJson}'s but reading
 * timestamps with JavaTimeModule's own deserialiser ({@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}), as
 * {@code ExtendJson} did before its fast path.</li>
 * </ul>
 * {@code fixture}: {@code cancelled} is the 2.3 KB answer to a cancel (two step runs, usage), {@code processing} the
 * 0.9 KB one of a run still processing. Compare the ratios of one run: the machine is shared. On a busy machine
 * {@code -prof dev.camelextend.bench.CpuProfiler} gives the CPU time per operation too, which waiting for a core does
 * not inflate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djava.awt.headless=true" })
public class MappingBenchmark {

    @Param({ "cancelled", "processing" })
    public String fixture;

    private byte[] bytes;
    private ObjectMapper mapper;
    private ObjectMapper plain;
    private ObjectMapper javaTimeModule;

    @Setup
    public void setUp() throws IOException {
        bytes = fixture("workflow-run-" + fixture + ".json");
        mapper = ExtendJson.newObjectMapper();
        plain = new ObjectMapper();
        javaTimeModule = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // the first calls build the deserialisers: not part of what is measured
        readValue();
        readTree();
        readTreePlain();
        readValueJavaTimeModule();
    }

    /** The bytes of a fixture on the class path ({@code src/main/resources}). */
    static byte[] fixture(String name) {
        try (InputStream in = MappingBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public WorkflowRun readValue() throws IOException {
        return mapper.readValue(bytes, WorkflowRun.class);
    }

    @Benchmark
    public void readValueAndGetAll(Blackhole bh) throws IOException {
        WorkflowRun run = mapper.readValue(bytes, WorkflowRun.class);
        bh.consume(run.getStatus());
        bh.consume(run.getMetadata());
        consume(bh, run.getInitialRunAt());
        consume(bh, run.getReviewedAt());
        consume(bh, run.getStartTime());
        consume(bh, run.getEndTime());
        consume(bh, run.getWorkflow().getCreatedAt());
        consume(bh, run.getWorkflow().getUpdatedAt());
        consume(bh, run.getWorkflowVersion().getCreatedAt());
        for (FileSummary file : run.getFiles()) {
            consume(bh, file.getCreatedAt());
            consume(bh, file.getUpdatedAt());
        }
        for (StepRun step : run.getStepRuns()) {
            bh.consume(step.getStatus());
            JsonNode result = step.getResult();
            bh.consume(result == null ? null : result.size());
        }
        if (run.getUsage() != null) {
            bh.consume(run.getUsage().getCredits());
        }
    }

    private static void consume(Blackhole bh, OffsetDateTime time) {
        bh.consume(time == null ? 0 : time.getNano());
    }

    @Benchmark
    public WorkflowRun readValueJavaTimeModule() throws IOException {
        return javaTimeModule.readValue(bytes, WorkflowRun.class);
    }

    @Benchmark
    public JsonNode readTree() throws IOException {
        return mapper.readTree(bytes);
    }

    @Benchmark
    public JsonNode readTreePlain() throws IOException {
        return plain.readTree(bytes);
    }
}
