/**
 * Durable, clustered jobs on PostgreSQL (db-scheduler). A module adds a job by declaring a
 * {@code Task} bean; recurring tasks are scheduled at start, and across instances each execution runs once.
 */
package com.ambiosys.platform.jobs;
