/** Who is calling: the authenticated user of a request, as every module sees it. */
package com.ambiosys.platform.security;
