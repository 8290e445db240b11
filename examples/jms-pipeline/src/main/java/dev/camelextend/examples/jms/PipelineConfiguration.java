package dev.camelextend.examples.jms;

import java.util.ArrayList;
import java.util.List;

import dev.camelextend.ExtendComponent;
import dev.camelextend.simulator.ExtendSimulator;
import dev.camelextend.simulator.SimulatorClock;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * Wires the pipeline into a {@link CamelContext}: the broker (embedded, or external when {@code broker.url} is set), the
 * transactional {@code jms} component, the transaction policy the route uses, and the {@code extend} component
 * (the real Extend API when an API key is set, else the Extend simulator). Camel Main calls {@link #configure}; the
 * tests call it on a plain context.
 *
 * <h2>Transactions</h2>
 * One {@link JmsTransactionManager} over one {@link CachingConnectionFactory}. The listener container of the
 * requests queue begins a transaction per message and receives inside it ({@code cacheLevelName=CACHE_NONE}: the
 * container takes the transaction's session instead of a cached one of its own); the route's
 * {@code transacted()} joins that transaction (PROPAGATION_REQUIRED), so the sends to the results or rejected queue
 * use the same session and commit atomically with the receive. The caching factory keeps sessions, consumers and
 * producers open across transactions, which is what makes CACHE_NONE cheap.
 */
public class PipelineConfiguration implements CamelConfiguration {

    /** The registry name of the route's transaction policy. */
    public static final String TRANSACTION_POLICY = "PROPAGATION_REQUIRED";
    /** The registry name of the list of run IDs seeded in the simulator for the demo (simulator mode only). */
    public static final String DEMO_RUN_IDS = "extendDemoRunIds";

    private static final Logger LOG = LoggerFactory.getLogger(PipelineConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PipelineSettings s = PipelineSettings.from(context);

        ActiveMQConnectionFactory brokerFactory;
        if (s.externalBroker()) {
            brokerFactory = s.brokerUser().isEmpty()
                    ? new ActiveMQConnectionFactory(s.brokerUrl())
                    : new ActiveMQConnectionFactory(s.brokerUrl(), s.brokerUser(), s.brokerPassword());
            LOG.info("Using the external broker {}", s.brokerUrl());
        } else {
            EmbeddedBroker broker = new EmbeddedBroker(s, 0);
            broker.start(); // before any route: the consumers connect at context start
            context.addService(broker, true, false); // stopped by the context, after the routes
            brokerFactory = broker.connectionFactory();
        }
        configureJms(context, brokerFactory, s);
        configureExtend(context, s);
    }

    /** Registers the transactional {@code jms} component and the route's transaction policy. */
    static void configureJms(CamelContext context, ConnectionFactory brokerFactory, PipelineSettings s)
            throws Exception {
        CachingConnectionFactory cached = new CachingConnectionFactory(brokerFactory);
        cached.setSessionCacheSize(s.concurrentConsumers() + 2);
        cached.setCacheConsumers(true);
        cached.setCacheProducers(true);
        cached.setReconnectOnException(true);
        cached.afterPropertiesSet();
        // closes the cached sessions and the connection when the context stops (after the routes, before the broker)
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                cached.destroy();
            }
        }, true, true);

        JmsTransactionManager transactionManager = new JmsTransactionManager(cached);
        transactionManager.afterPropertiesSet();

        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(cached);
        jms.setTransactionManager(transactionManager);
        jms.setTransacted(true);
        // take the session of the transaction manager's transaction for receiving (see the class comment)
        jms.setCacheLevelName("CACHE_NONE");
        // a rolled-back message is logged once, by the route's transaction error handler
        jms.setErrorHandlerLoggingLevel(LoggingLevel.DEBUG);
        jms.setErrorHandlerLogStackTrace(false);
        context.addComponent("jms", jms);

        SpringTransactionPolicy required = new SpringTransactionPolicy(transactionManager);
        required.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        context.getRegistry().bind(TRANSACTION_POLICY, required);
    }

    /** Points the {@code extend} component at Extend, or at a simulator started here when no API key is set. */
    static void configureExtend(CamelContext context, PipelineSettings s) throws Exception {
        ExtendComponent extend = new ExtendComponent();
        if (s.simulatorMode()) {
            ExtendSimulator simulator = ExtendSimulator.builder().clock(SimulatorClock.system()).build().start();
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() {
                    simulator.close();
                }
            }, true, true);
            List<String> demo = new ArrayList<>();
            for (int i = 0; i < s.demoRequests(); i++) {
                // mostly runs that can be cancelled, some that already finished (refused: rejected queue)
                demo.add(simulator.seedRun(i % 5 == 4 ? "PROCESSED" : "PROCESSING"));
            }
            if (s.demoRequests() > 0) {
                demo.add("workflow_run_doesNotExist0000000000"); // unknown run: rejected (not found)
            }
            context.getRegistry().bind(DEMO_RUN_IDS, demo);
            extend.getConfiguration().setApiKey(simulator.apiKey());
            extend.getConfiguration().setBaseUrl(simulator.baseUrl());
            LOG.warn("EXTEND_API_KEY is not set: using the Extend simulator at {} with {} seeded runs",
                    simulator.baseUrl(), demo.size());
        } else {
            extend.getConfiguration().setApiKey(s.extendApiKey());
            extend.getConfiguration().setBaseUrl(s.extendBaseUrl());
        }
        context.addComponent("extend", extend);
    }
}
