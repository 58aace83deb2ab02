package com.ambiosys.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The bean exists only while the simulator is on ({@code ambiosys.simulator.enabled}, on by default only with the
 * embedded database: see {@code DatabaseEnvironmentPostProcessor}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "ambiosys.simulator.enabled", havingValue = "true", matchIfMissing = false)
public @interface SimulatorEnabled {
}
