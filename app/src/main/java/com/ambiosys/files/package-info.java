/**
 * Files: stored files of any module (customer documents, message media, receipts), with metadata,
 * type sniffed from the content, size limits and short-lived signed download links. Local disk by
 * default, under the data directory; any S3-compatible service by configuration. Uploads stay orphans
 * until another module attaches them to its record; orphans are deleted after a day. A file is seen only by
 * users who may see the record it belongs to: the record's module answers through a {@link
 * com.ambiosys.files.FileOwnerAccess} bean, so this module never reads another's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files",
        allowedDependencies = { "platform", "audit", "tenants" })
package com.ambiosys.files;
