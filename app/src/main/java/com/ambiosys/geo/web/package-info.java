/** HTTP API of the geographic catalog, for address pickers. */
package com.ambiosys.geo.web;
