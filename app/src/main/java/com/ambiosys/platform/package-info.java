/**
 * Shared kernel every module may use: tenancy, database wiring, security primitives, web errors,
 * ids, time, secrets and jobs. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.ambiosys.platform;
