package dev.camelextend.examples.jms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Drains the three outcome queues (results, rejected, dead letter) while the pipeline runs and records every message
 * by its {@code requestId}, so a test can check that each request ended in exactly one of them.
 */
final class Outcomes implements AutoCloseable {

    /** One message taken from an outcome queue. */
    record Outcome(String queue, String requestId, Map<String, Object> properties, String body) {
    }

    private final Map<String, List<Outcome>> byRequest = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perQueue = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Connection connection;

    Outcomes(ConnectionFactory factory, String... queues) throws JMSException {
        connection = factory.createConnection();
        for (String queue : queues) {
            perQueue.put(queue, new AtomicInteger());
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            consumer.setMessageListener(m -> record(queue, m));
        }
        connection.start();
    }

    private void record(String queue, Message m) {
        try {
            Map<String, Object> props = new LinkedHashMap<>();
            for (Enumeration<?> names = m.getPropertyNames(); names.hasMoreElements();) {
                String name = (String) names.nextElement();
                props.put(name, m.getObjectProperty(name));
            }
            String body = m instanceof TextMessage t ? t.getText() : null;
            String requestId = m.getStringProperty(PipelineHeaders.REQUEST_ID);
            byRequest.computeIfAbsent(String.valueOf(requestId), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Outcome(queue, requestId, props, body));
            perQueue.get(queue).incrementAndGet();
            total.incrementAndGet();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    int total() {
        return total.get();
    }

    int count(String queue) {
        return perQueue.get(queue).get();
    }

    List<Outcome> of(String requestId) {
        List<Outcome> list = byRequest.get(requestId);
        return list == null ? List.of() : List.copyOf(list);
    }

    Map<String, List<Outcome>> all() {
        return byRequest;
    }

    /**
     * Waits until {@code expected} outcomes arrived (or the timeout passed), then keeps listening for {@code quiet} to
     * catch late duplicates. Returns the total.
     */
    int await(int expected, Duration timeout, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(quiet.toMillis());
        return total();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
