package com.ambiosys.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Meta's Graph API, as much of it as the inbox uses: sending messages, media lookup and download. */
@Component
class MetaGraph {

    /** What Meta says of a media id: a URL that lives about five minutes, and the bytes' sha256. */
    record MediaInfo(String url, String mimeType, String sha256, long fileSize) {
    }

    static final class GraphException extends RuntimeException {
        GraphException(String message) {
            super(message);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final JsonMapper json;
    private final String baseUrl;

    MetaGraph(JsonMapper json, @Value("${ambiosys.whatsapp.graph-url:https://graph.facebook.com/v23.0}") String baseUrl) {
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Meta's answer to a send: its HTTP status and JSON body (empty object when none). */
    record SendAnswer(int status, JsonNode body) {
    }

    /** {@code POST /{phone-number-id}/messages}; a network failure is a {@link GraphException}. */
    SendAnswer sendMessage(String accessToken, String phoneNumberId, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + phoneNumberId + "/messages"))
            .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new SendAnswer(response.statusCode(), text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text));
    }

    /**
     * {@code GET /{waba-id}/message_templates}: the account's approved templates (following Meta's paging
     * up to a few pages); a failure is a {@link GraphException}.
     */
    java.util.List<JsonNode> approvedTemplates(String accessToken, String wabaId) {
        java.util.List<JsonNode> templates = new java.util.ArrayList<>();
        String url = baseUrl + "/" + wabaId + "/message_templates?status=APPROVED&limit=100"
                + "&fields=name,language,category,status,components";
        for (int page = 0; page < 5 && url != null; page++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new GraphException("templates of " + wabaId + ": HTTP " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            body.path("data").forEach(templates::add);
            url = body.path("paging").path("next").asString(null);
        }
        return templates;
    }

    /**
     * {@code POST /{phone-number-id}/media}: uploads the bytes as Meta takes them (multipart: {@code
     * messaging_product}, {@code type}, {@code file}) and answers the media id to send by.
     */
    String uploadMedia(String accessToken, String phoneNumberId, byte[] bytes, String mimeType, String filename) {
        String boundary = "ambiosys-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String safeName = filename.replaceAll("[\"\r\n]", "_");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + mimeType + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + safeName
                + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + phoneNumberId + "/media"))
            .header("Authorization", "Bearer " + accessToken).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.body() == null || response.body().isBlank() ? json.createObjectNode()
                : json.readTree(response.body());
        if (response.statusCode() != 200 || !answer.has("id")) {
            throw new GraphException("media upload: HTTP " + response.statusCode() + " "
                    + answer.path("error").path("message").asString(""));
        }
        return answer.path("id").asString();
    }

    MediaInfo media(String accessToken, String mediaId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + mediaId))
            .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new GraphException("media " + mediaId + ": HTTP " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        return new MediaInfo(body.path("url").asString(), body.path("mime_type").asString(null),
                body.path("sha256").asString(null), body.path("file_size").asLong(-1));
    }

    /** The bytes behind a media URL (which needs the same token). */
    InputStream download(String accessToken, String url) {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream ignored = response.body()) {
                throw new GraphException("download: HTTP " + response.statusCode());
            }
            catch (IOException ex) {
                throw new GraphException("download: HTTP " + response.statusCode());
            }
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        }
        catch (IOException ex) {
            throw new GraphException(request.uri().getPath() + ": " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new GraphException("interrupted");
        }
    }
}
