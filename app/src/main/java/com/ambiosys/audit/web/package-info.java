/** HTTP API of the audit log. */
package com.ambiosys.audit.web;
