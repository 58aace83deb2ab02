package com.ambiosys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** AmbioSys: operations platform for field-service companies, one deployable modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AmbiosysApplication {

    public static void main(String[] args) {
        SpringApplication.run(AmbiosysApplication.class, args);
    }
}
