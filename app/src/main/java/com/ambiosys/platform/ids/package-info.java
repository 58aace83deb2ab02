/** Identifiers: UUID version 7, time-ordered, made by the application. */
package com.ambiosys.platform.ids;
