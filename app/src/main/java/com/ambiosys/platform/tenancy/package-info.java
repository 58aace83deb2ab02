/** Which tenant the current work belongs to, and how that reaches PostgreSQL's row-level security. */
package com.ambiosys.platform.tenancy;
