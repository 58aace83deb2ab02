/** HTTP conventions shared by every module: RFC 9457 problems in the caller's language, request ids, limits. */
package com.ambiosys.platform.web;
