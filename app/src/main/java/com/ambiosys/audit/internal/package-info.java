/** The audit module's internals: the API usage log, written in batches off the request path. */
package com.ambiosys.audit.internal;
