package org.partnernetz;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the partnernetz GraphQL hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnernetzApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnernetzApplication.class, args);
    }
}
