package dev.camelextend.examples.jms;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.deployers.impl.FileConfigurationParser;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's {@code broker.xml} fragment for an external broker is what the embedded broker applies: Artemis parses
 * the fragment, and its address settings and queues equal those of {@link EmbeddedBroker} with the default settings.
 */
class BrokerXmlTest {

    @Test
    void theReadmesBrokerXmlIsTheEmbeddedBrokersConfiguration() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?ms)^### An external broker\\n.*?^```xml\\n(.*?)^```$").matcher(readme);
        assertTrue(block.find(), "README.md's broker.xml fragment");
        String xml = "<configuration xmlns=\"urn:activemq\"><core xmlns=\"urn:activemq:core\">" + block.group(1)
                     + "</core></configuration>";
        Configuration theirs = new FileConfigurationParser()
                .parseMainConfig(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        PipelineSettings defaults = PipelineSettings.from(new DefaultCamelContext());
        Configuration ours = new EmbeddedBroker(defaults, 0).configuration(Path.of("target/unused-broker-dir"));

        assertEquals(new TreeMap<>(ours.getAddressSettings()), new TreeMap<>(theirs.getAddressSettings()),
                "the same address settings for the same matches");
        TreeSet<String> ourQueues = new TreeSet<>();
        for (QueueConfiguration q : ours.getQueueConfigs()) {
            ourQueues.add(q.getAddress() + "/" + q.getName() + "/" + q.getRoutingType() + "/durable=" + q.isDurable());
        }
        TreeSet<String> theirQueues = new TreeSet<>();
        for (CoreAddressConfiguration address : theirs.getAddressConfigurations()) {
            for (QueueConfiguration q : address.getQueueConfigs()) {
                theirQueues.add(address.getName() + "/" + q.getName() + "/" + q.getRoutingType() + "/durable="
                                + (q.isDurable() == null || q.isDurable()));
            }
        }
        assertEquals(ourQueues, theirQueues, "the same queues on the same addresses");
    }

}
