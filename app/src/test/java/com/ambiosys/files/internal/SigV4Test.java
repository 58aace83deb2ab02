package com.ambiosys.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Signature Version 4 against the worked examples of the S3 API reference ("Signature Calculations ..."). */
class SigV4Test {

    static final SigV4 EXAMPLE = new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "us-east-1", "s3");
    static final Instant MAY_24_2013 = Instant.parse("2013-05-24T00:00:00Z");

    @Test
    void signsTheDocumentedGetObjectExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SigV4.EMPTY_PAYLOAD_SHA256);
        headers.put("x-amz-date", "20130524T000000Z");

        String canonical = SigV4.canonicalRequest("GET", "/test.txt", "", SigV4.canonicalHeaders(headers),
                SigV4.EMPTY_PAYLOAD_SHA256);
        assertThat(SigV4.sha256Hex(canonical)).isEqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");

        assertThat(EXAMPLE.authorization("GET", "/test.txt", "", headers, SigV4.EMPTY_PAYLOAD_SHA256, MAY_24_2013))
            .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                    + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                    + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void signsTheDocumentedPutObjectExampleWithAnEncodedKeyAndSignedPayload() {
        String payloadHash = SigV4.sha256Hex("Welcome to Amazon S3.");
        assertThat(payloadHash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        headers.put("x-amz-date", "20130524T000000Z");
        headers.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        headers.put("x-amz-content-sha256", payloadHash);

        assertThat(SigV4.encodePath("/test$file.text")).isEqualTo("/test%24file.text");
        assertThat(EXAMPLE.authorization("PUT", SigV4.encodePath("/test$file.text"), "", headers, payloadHash,
                MAY_24_2013))
            .endsWith("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                    + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void encodesKeysOnceKeepingSlashesAndUnreservedCharacters() {
        assertThat(SigV4.encodePath("a b/ñ+~_-.x")).isEqualTo("a%20b/%C3%B1%2B~_-.x");
    }
}
