/** Where the bytes live, and how download links are signed. */
package com.ambiosys.files.internal;
