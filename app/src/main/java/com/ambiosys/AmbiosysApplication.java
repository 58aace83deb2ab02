package com.ambiosys;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** AmbioSys: operations platform for field-service companies, one deployable modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AmbiosysApplication {

    public static void main(String[] args) {
        // java -jar relaunches once from the extracted jar with a class data sharing archive (decision 0011)
        FastLauncher.relaunchOrReturn(args);
        SpringApplication.run(AmbiosysApplication.class, args);
    }
}
