/** HTTP API of customers. */
package com.ambiosys.customers.web;
