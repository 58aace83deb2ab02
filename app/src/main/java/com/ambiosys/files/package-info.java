/**
 * Files: stored files of any module (customer documents, message media, receipts), with metadata,
 * type sniffed from the content, size limits and short-lived signed download links. Local disk by
 * default, under the data directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files")
package com.ambiosys.files;
