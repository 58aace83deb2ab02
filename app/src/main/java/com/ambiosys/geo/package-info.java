/**
 * Geography of the countries we serve: Guatemala (departments, municipalities with INE codes, zones)
 * and El Salvador (departments, the 44 municipalities of the 2024 reform and their 262 districts).
 * Platform-level reference data, read by address pickers. Sources in db/geo/SOURCES.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Geography",
        allowedDependencies = { "platform" })
package com.ambiosys.geo;
