/**
 * {@code ExtendSimulator}: an in-memory HTTP fake of Extend's 2026-02-09 workflow-run API for tests.
 * <p>
 * The classes of this package ship in a separate jar with the classifier {@code simulator}, built from the test
 * sources by a {@code maven-jar-plugin} {@code test-jar} execution that includes only
 * {@code dev/camelextend/simulator/**} and excludes the simulator's own tests ({@code **}{@code /test/**},
 * {@code **}{@code /*Test.class}). Depend on it in test scope:
 *
 * <pre>{@code
 * <dependency>
 *     <groupId>dev.camelextend</groupId>
 *     <artifactId>camel-extend</artifactId>
 *     <version>${camel-extend.version}</version>
 *     <classifier>simulator</classifier>
 *     <scope>test</scope>
 * </dependency>
 * }</pre>
 *
 * It needs Jackson databind and slf4j (dependencies of camel-extend itself) and, for
 * {@link dev.camelextend.simulator.ExtendSimulatorExtension}, JUnit Jupiter. Entry points:
 * {@link dev.camelextend.simulator.ExtendSimulator} (builder, runs, faults, journal, standalone {@code main}),
 * {@link dev.camelextend.simulator.ExtendSimulatorExtension} (JUnit 5), {@link dev.camelextend.simulator.SimulatorClock},
 * {@link dev.camelextend.simulator.SimulatorFaults}, {@link dev.camelextend.simulator.RecordedRequest}.
 * <p>
 * Only main classes of the simulator live in this package; its tests live in {@code dev.camelextend.simulator.test}.
 */
package dev.camelextend.simulator;
