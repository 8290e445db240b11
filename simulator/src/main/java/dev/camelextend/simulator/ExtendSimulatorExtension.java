package dev.camelextend.simulator;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs an {@link ExtendSimulator} for a test class.
 *
 * <pre>{@code
 * class MyRouteTest extends CamelTestSupport {
 *     @RegisterExtension
 *     static ExtendSimulatorExtension sim = ExtendSimulatorExtension.create()
 *             .configure(b -> b.apiKey("sk_test").cancelRefusalStatus(409));
 *
 *     // routes use "extend:cancelRun?baseUrl=" + sim.baseUrl() + "&apiKey=" + sim.apiKey()
 *
 *     @Test
 *     void cancels() {
 *         String runId = sim.simulator().seedRun("PROCESSING");
 *         ...
 *         assertEquals(1, sim.journal().size());
 *     }
 * }
 * }</pre>
 *
 * As a {@code static} field the simulator starts before all tests and stops after all of them; as an instance field it
 * starts and stops around each test. Before each test {@link ExtendSimulator#reset()} runs: journal cleared, faults and
 * rate limit off, scripted answers and held exchanges dropped, webhooks cleared. Runs stay unless
 * {@link #resetRunsBetweenTests(boolean)} is set. Test methods may also declare an {@link ExtendSimulator} parameter.
 */
public final class ExtendSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final SimulatorBuilder builder;
    private boolean resetRuns;
    private ExtendSimulator simulator;
    private boolean perTest;

    private ExtendSimulatorExtension(SimulatorBuilder builder) {
        this.builder = builder;
    }

    /** An extension with the default {@link ExtendSimulator#builder()} settings. */
    public static ExtendSimulatorExtension create() {
        return new ExtendSimulatorExtension(ExtendSimulator.builder());
    }

    /** An extension whose simulator is built from {@code builder}. */
    public static ExtendSimulatorExtension create(SimulatorBuilder builder) {
        return new ExtendSimulatorExtension(Objects.requireNonNull(builder, "builder"));
    }

    /** Adjusts the builder before the simulator is started. */
    public ExtendSimulatorExtension configure(Consumer<SimulatorBuilder> configurer) {
        if (simulator != null) {
            throw new IllegalStateException("configure(...) must be called before the simulator starts");
        }
        configurer.accept(builder);
        return this;
    }

    /** Also remove every run before each test (default false: runs seeded in {@code @BeforeAll} stay). */
    public ExtendSimulatorExtension resetRunsBetweenTests(boolean reset) {
        this.resetRuns = reset;
        return this;
    }

    /** The running simulator. */
    public ExtendSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The Extend simulator is not running: register the extension with "
                    + "@RegisterExtension and use it from a test or a @BeforeAll/@BeforeEach method");
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public String apiKey() {
        return simulator().apiKey();
    }

    public List<RecordedRequest> journal() {
        return simulator().journal();
    }

    public SimulatorFaults faults() {
        return simulator().faults();
    }

    public SimulatorClock clock() {
        return simulator().clock();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            start();
            perTest = true;
        }
        simulator.reset();
        if (resetRuns) {
            simulator.clearRuns();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == ExtendSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }

    private void start() {
        if (simulator == null) {
            simulator = builder.build().start();
        }
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
        perTest = false;
    }
}
