/** The simulator's HTTP side: the tester's API and Meta's Graph API for simulated channels. */
package com.ambiosys.simulator.web;
