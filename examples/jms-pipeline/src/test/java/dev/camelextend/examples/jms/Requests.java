package dev.camelextend.examples.jms;

import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** Puts cancel requests on the requests queue as a client would: the run ID as text, the request ID as a property. */
final class Requests {

    /** One cancel request and the queue it must end in. */
    record Request(String requestId, String runId, String expectedQueue) {
    }

    private Requests() {
    }

    static void send(ConnectionFactory factory, String queue, List<Request> requests) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            int n = 0;
            for (Request r : requests) {
                TextMessage m = session.createTextMessage(r.runId());
                m.setStringProperty(PipelineHeaders.REQUEST_ID, r.requestId());
                producer.send(m);
                if (++n % 500 == 0) {
                    session.commit();
                }
            }
            session.commit();
        }
    }
}
