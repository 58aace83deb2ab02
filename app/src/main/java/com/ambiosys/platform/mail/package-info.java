/** Outgoing email over SMTP (configured with AMBIOSYS_SMTP_*). */
package com.ambiosys.platform.mail;
