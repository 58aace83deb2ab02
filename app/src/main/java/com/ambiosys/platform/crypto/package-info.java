/** Secrets at rest: AES-256-GCM with a key id stored beside each value. */
package com.ambiosys.platform.crypto;
