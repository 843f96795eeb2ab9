package io.ticketrush;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Ticketrush: one stateless Spring Boot application made of verified modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TicketrushApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketrushApplication.class, args);
    }
}
