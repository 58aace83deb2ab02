/** Keeping secrets out of logs: redaction of sensitive parameters and fields. */
package com.ambiosys.platform.logging;
