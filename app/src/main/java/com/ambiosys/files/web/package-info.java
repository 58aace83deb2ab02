/** HTTP API of files: upload, metadata, signed download links. */
package com.ambiosys.files.web;
