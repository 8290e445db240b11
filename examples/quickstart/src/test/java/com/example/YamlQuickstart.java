package com.example;

import org.apache.camel.main.Main;

/**
 * Runs the README's YAML Quickstart route the way the README sets it up (Camel Main, application.properties, the route
 * found by {@code camel.main.routes-include-pattern}), then sends it one run ID, as the Java variant's {@code main}
 * does.
 */
public final class YamlQuickstart {

    private YamlQuickstart() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.start();
        main.getCamelContext().createProducerTemplate().sendBody("direct:cancel-run", args[0]);
        main.stop();
    }
}
