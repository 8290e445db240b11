package dev.camelextend.examples.jms;

import java.nio.file.Path;
import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache ActiveMQ Artemis broker inside this JVM: persistent (its journal survives a restart or a crash of the JVM),
 * reachable in-VM and, optionally, over TCP on one local address, with the pipeline's queues and its redelivery and
 * dead-letter settings.
 * <p>
 * What it configures is what an external broker needs as well; README.md shows the same as {@code broker.xml}.
 */
public final class EmbeddedBroker extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final PipelineSettings settings;
    private final int serverId;
    private EmbeddedActiveMQ broker;

    /**
     * @param serverId the in-VM server ID ({@code vm://ID}); one per broker running in the same JVM
     */
    public EmbeddedBroker(PipelineSettings settings, int serverId) {
        this.settings = settings;
        this.serverId = serverId;
    }

    /** The URL of the in-VM acceptor, for clients in this JVM. */
    public String inVmUrl() {
        return "vm://" + serverId;
    }

    /** A new (not pooled) client factory for this broker, in-VM. */
    public ActiveMQConnectionFactory connectionFactory() {
        return new ActiveMQConnectionFactory(inVmUrl());
    }

    @Override
    protected void doStart() throws Exception {
        Path dir = settings.brokerDataDir().toAbsolutePath();
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration(dir));
        broker.start();
        LOG.info("Embedded Artemis broker started: {}{}, journal in {}", inVmUrl(),
                settings.brokerTcpPort() >= 0
                        ? " and tcp://" + settings.brokerTcpHost() + ":" + settings.brokerTcpPort() : "",
                dir);
    }

    /** The broker's configuration, with its journal under {@code dir}. */
    Configuration configuration(Path dir) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("extend-pipeline")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                // the critical analyzer can stop a broker whose threads are starved on a busy machine
                .setCriticalAnalyzer(false);
        config.addAcceptorConfiguration("in-vm", inVmUrl());
        if (settings.brokerTcpPort() >= 0) {
            config.addAcceptorConfiguration("tcp", "tcp://" + settings.brokerTcpHost() + ":" + settings.brokerTcpPort()
                                                   + "?protocols=CORE");
        }
        // transient failures roll the transaction back; the broker waits, redelivers, and after the last attempt moves
        // the request to the dead-letter queue
        config.addAddressSetting(settings.requestsQueue(), new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(settings.deadLetterQueue()))
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts())
                .setRedeliveryDelay(settings.redeliveryDelayMillis())
                .setRedeliveryMultiplier(settings.redeliveryMultiplier())
                .setMaxRedeliveryDelay(settings.maxRedeliveryDelayMillis()));
        // a consumer of the outcome queues that keeps failing also ends in the dead-letter queue, not in a loop
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(settings.deadLetterQueue()))
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts()));
        // every queue exists up front: a message sent to an address without a queue would be dropped
        for (String queue : List.of(settings.requestsQueue(), settings.resultsQueue(), settings.rejectedQueue(),
                settings.deadLetterQueue())) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        return config;
    }

    @Override
    protected void doStop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
            LOG.info("Embedded Artemis broker stopped");
        }
    }
}
