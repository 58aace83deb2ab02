/** The REST API of service requests, their setup and their saved filters. */
package com.ambiosys.servicerequests.web;
