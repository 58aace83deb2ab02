/**
 * Sweeps generated from the application's own route table and OpenAPI document: every route is called
 * with another tenant's ids, by users without its permission, by a sales rep on another rep's records,
 * and with a corpus of bad input, so that a new endpoint is covered without anyone listing it.
 */
package com.ambiosys.platform.sweeps;
