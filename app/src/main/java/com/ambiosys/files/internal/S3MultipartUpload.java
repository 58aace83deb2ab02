package com.ambiosys.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A large upload in parts: one part in memory at a time, each with its SHA-256 so the service rejects an
 * altered part, and a failed upload aborted so its parts are not kept (and billed) by the service. The
 * transfer manager would do this too, but it needs the asynchronous client, which needs Netty or the CRT.
 */
class S3MultipartUpload {

    private static final Logger log = LoggerFactory.getLogger(S3MultipartUpload.class);

    private final S3Client s3;
    private final String bucket;
    private final long partSize;

    S3MultipartUpload(S3Client s3, String bucket, long partSize) {
        if (partSize < 1 || partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("ambiosys.files.s3.multipart-part-size must be between 1 byte and 2 GB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    void upload(String key, Path source, long size, String mediaType) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(mediaType)
            .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        try (FileChannel file = FileChannel.open(source, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += partSize) {
                int number = parts.size() + 1;
                byte[] bytes = read(file, offset, (int) Math.min(partSize, size - offset));
                String sha256 = Base64.getEncoder().encodeToString(sha256(bytes));
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentLength((long) bytes.length).checksumSHA256(sha256), RequestBody.fromBytes(bytes)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).checksumSHA256(sha256).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        }
        catch (IOException ex) {
            abort(key, uploadId);
            throw new UncheckedIOException("Could not read the upload's temporary file", ex);
        }
        catch (RuntimeException ex) {
            abort(key, uploadId);
            throw ex;
        }
    }

    private void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        }
        catch (SdkException ex) {
            log.warn("Could not abort the multipart upload of {} (a lifecycle rule on the bucket removes it): {}", key,
                    ex.getMessage());
        }
    }

    private static byte[] read(FileChannel file, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("The upload's temporary file is shorter than its size");
            }
        }
        return buffer.array();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
