package com.ambiosys.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.ambiosys.AmbiosysApplication;

/**
 * A second instance of the application, as a deployment runs it: its own application context (beans, pools,
 * listeners, web server on a random port) on the same PostgreSQL as the test's context, which it reaches as an
 * external database with the same roles and encryption key. Close it when done.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Starts it beside the context whose environment is given; extra arguments override (e.g. --ambiosys.jobs.enabled=false). */
    public static ConfigurableApplicationContext start(Environment first, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--ambiosys.db.url=" + first.getRequiredProperty("spring.datasource.url"),
                "--ambiosys.db.user=" + first.getRequiredProperty("spring.datasource.username"),
                "--ambiosys.db.password=" + first.getRequiredProperty("spring.datasource.password"),
                "--ambiosys.db.owner-user=" + first.getRequiredProperty("spring.flyway.user"),
                "--ambiosys.db.owner-password=" + first.getRequiredProperty("spring.flyway.password"),
                "--ambiosys.encryption-key=" + first.getRequiredProperty("ambiosys.encryption-key"),
                "--ambiosys.simulator.enabled=" + first.getProperty("ambiosys.simulator.enabled", "false"),
                "--ambiosys.demo.enabled=false", "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(AmbiosysApplication.class).profiles("test").run(args.toArray(String[]::new));
    }
}
