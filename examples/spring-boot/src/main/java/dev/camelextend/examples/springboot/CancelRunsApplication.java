package dev.camelextend.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application: Camel's routes (CancelRunRoute), an HTTP front (RunsController) and the actuator. The
 * extend component is configured by application.properties alone, through camel-extend-spring-boot-starter.
 */
@SpringBootApplication
public class CancelRunsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CancelRunsApplication.class, args);
    }
}
