package com.ambiosys.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * The multipart upload of {@link FakeS3}: CreateMultipartUpload ({@code POST ?uploads}), UploadPart
 * ({@code PUT ?partNumber&uploadId}), CompleteMultipartUpload ({@code POST ?uploadId}, parts listed in
 * ascending order with the ETags they were answered) and AbortMultipartUpload ({@code DELETE ?uploadId}).
 */
final class FakeS3Multipart {

    private record Upload(String key, String contentType, Map<Integer, byte[]> parts) {
    }

    private static final Pattern PART = Pattern.compile("<Part>(.*?)</Part>", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("<PartNumber>(\\d+)</PartNumber>");
    private static final Pattern ETAG = Pattern.compile("<ETag>(?:\"|&quot;)?([0-9a-f]+)(?:\"|&quot;)?</ETag>");
    private static final String XMLNS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    private final FakeS3 s3;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    FakeS3Multipart(FakeS3 s3) {
        this.s3 = s3;
    }

    int pending() {
        return uploads.size();
    }

    void handle(HttpExchange exchange, String method, String key, Map<String, String> query, byte[] body)
            throws IOException {
        if ("POST".equals(method) && query.containsKey("uploads")) {
            String id = UUID.randomUUID().toString().replace("-", "");
            uploads.put(id, new Upload(key, exchange.getRequestHeaders().getFirst("Content-Type"),
                    new ConcurrentSkipListMap<>()));
            xml(exchange, "<InitiateMultipartUploadResult" + XMLNS + "><Key>" + key + "</Key><UploadId>" + id
                    + "</UploadId></InitiateMultipartUploadResult>");
            return;
        }
        Upload upload = uploads.get(query.get("uploadId"));
        if (upload == null || !upload.key().equals(key)) {
            FakeS3.error(exchange, 404, "NoSuchUpload", "The specified multipart upload does not exist.");
            return;
        }
        switch (method) {
            case "PUT" -> part(exchange, upload, Integer.parseInt(query.getOrDefault("partNumber", "0")), body);
            case "POST" -> complete(exchange, query.get("uploadId"), upload, new String(body, StandardCharsets.UTF_8));
            case "DELETE" -> {
                uploads.remove(query.get("uploadId"));
                exchange.sendResponseHeaders(204, -1);
            }
            default -> FakeS3.error(exchange, 405, "MethodNotAllowed", method);
        }
    }

    private void part(HttpExchange exchange, Upload upload, int number, byte[] body) throws IOException {
        if (number < 1 || number > 10000) {
            FakeS3.error(exchange, 400, "InvalidArgument", "Part number must be an integer between 1 and 10000");
            return;
        }
        if (!s3.acceptsPut(exchange) || !s3.checkPayload(exchange, body)) {
            return;
        }
        upload.parts().put(number, body);
        exchange.getResponseHeaders().add("ETag", etag(body));
        exchange.sendResponseHeaders(200, -1);
    }

    private void complete(HttpExchange exchange, String id, Upload upload, String request) throws IOException {
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        Matcher part = PART.matcher(request);
        int previous = 0;
        int count = 0;
        while (part.find()) {
            Matcher etag = ETAG.matcher(part.group(1));
            Matcher partNumber = NUMBER.matcher(part.group(1));
            int number = partNumber.find() ? Integer.parseInt(partNumber.group(1)) : 0;
            if (number <= previous) {
                FakeS3.error(exchange, 400, "InvalidPartOrder", "The list of parts was not in ascending order.");
                return;
            }
            byte[] bytes = upload.parts().get(number);
            if (bytes == null || !etag.find() || !etag(bytes).equals("\"" + etag.group(1) + "\"")) {
                FakeS3.error(exchange, 400, "InvalidPart", "One or more of the specified parts could not be found.");
                return;
            }
            object.write(bytes);
            previous = number;
            count++;
        }
        if (count == 0) {
            FakeS3.error(exchange, 400, "MalformedXML", "The XML you provided was not well-formed.");
            return;
        }
        uploads.remove(id);
        s3.store(upload.key(), object.toByteArray(), upload.contentType(), count);
        xml(exchange, "<CompleteMultipartUploadResult" + XMLNS + "><Key>" + upload.key() + "</Key><ETag>&quot;"
                + FakeS3.hex(FakeS3.md5(object.toByteArray())) + "-" + count + "&quot;</ETag></CompleteMultipartUploadResult>");
    }

    private static String etag(byte[] bytes) {
        return "\"" + FakeS3.hex(FakeS3.md5(bytes)) + "\"";
    }

    private static void xml(HttpExchange exchange, String document) throws IOException {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + document).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
