package com.ambiosys.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for system tests: real requests to the running application on loopback. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code setCookies}: each {@code Set-Cookie} header whole (they cannot be joined with commas like the others). */
    public record Response(int status, Map<String, String> headers, String text, List<String> setCookies) {

        public Response(int status, Map<String, String> headers, String text) {
            this(status, headers, text, List.of());
        }

        /** The {@code Set-Cookie} headers that set the cookie {@code name}, with their attributes. */
        public List<String> setCookies(String name) {
            return setCookies.stream().filter(c -> c.startsWith(name + "=")).toList();
        }

        /** The value this response gives the cookie {@code name} (the first, if set for several paths), or null. */
        public String cookie(String name) {
            return setCookies(name).stream().findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .orElse(null);
        }

        public JsonNode json() {
            return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The problem type's code: {@code urn:ambiosys:problem:<code>}. */
        public String problemCode() {
            return json().path("type").asString().replace("urn:ambiosys:problem:", "");
        }
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request post(String path, Object body) {
        return new Request("POST", path, body);
    }

    public Request put(String path, Object body) {
        return new Request("PUT", path, body);
    }

    public Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    public Request delete(String path, Object body) {
        return new Request("DELETE", path, body);
    }

    /** A multipart upload of one file part named {@code file}, as a browser sends it. */
    public Response upload(String path, String token, String filename, String declaredType, byte[] content) {
        String boundary = "----ambiosys" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
        return exchange(request);
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> flat = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> flat.put(k.toLowerCase(), String.join(",", v)));
            return new Response(response.statusCode(), flat, response.body(),
                    response.headers().allValues("set-cookie"));
        }
        catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Logs in and answers the access token (fails the test if login fails). */
    public String login(String email, String password) {
        Response r = post("/api/v1/auth/login", Map.of("email", email, "password", password)).send();
        if (r.status() != 200) {
            throw new AssertionError("Login of " + email + " failed: " + r.status() + " " + r.text());
        }
        return r.json().path("accessToken").asString();
    }

    public static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Request(String method, String path, Object body) {
            this.method = method;
            this.path = path;
            this.body = body;
            headers.put("Accept", "application/json");
        }

        public Request token(String accessToken) {
            headers.put("Authorization", "Bearer " + accessToken);
            return this;
        }

        public Request language(String language) {
            headers.put("Accept-Language", language);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends the cookie {@code name} (as a browser would, or {@code curl -b}). */
        public Request cookie(String name, String value) {
            headers.merge("Cookie", name + "=" + value, (a, b) -> a + "; " + b);
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            if (body != null) {
                builder.header("Content-Type", "application/json");
                builder.method(method, HttpRequest.BodyPublishers.ofString(json(body)));
            }
            else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return exchange(builder.build());
        }
    }
}
