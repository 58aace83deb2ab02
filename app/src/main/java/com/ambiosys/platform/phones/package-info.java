/** Phones: the one rule every phone field of the API follows (national or E.164, a default country). */
package com.ambiosys.platform.phones;
