package com.ambiosys.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.ambiosys.inbox.Channels;
import com.ambiosys.inbox.Channels.SimulatedChannel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's Graph API for simulated channels, as the Cloud API answers: {@code POST /{phone-number-id}/messages}
 * with the channel's access token, {@code GET /{media-id}} and the media URL. Errors are Meta's
 * ({@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}): a bad token 401 code 190, a
 * malformed send 400 code 100. Unlike Meta's, an unknown id answers exactly as a bad token does (401 code
 * 190): these endpoints are public, and must not tell a stranger which phone number, account or media ids
 * exist.
 */
@Service
@SimulatorEnabled
public class SimulatedGraph {

    /** An answer as Meta gives it: an HTTP status and a JSON body. */
    public record Answer(int status, Map<String, Object> body) {
    }

    /** The bytes behind a media URL, or Meta's error. */
    public record Download(Answer error, Simulator.Media media) {
    }

    static final Set<String> TYPES = Set.of("text", "interactive", "template", "image", "document", "audio", "video",
            "sticker", "location", "contacts", "reaction");

    private final Channels channels;
    private final Simulator simulator;
    private final JsonMapper json;

    SimulatedGraph(Channels channels, Simulator simulator, JsonMapper json) {
        this.channels = channels;
        this.simulator = simulator;
        this.json = json;
    }

    public Answer send(String phoneNumberId, String authorization, byte[] body) {
        if (bearer(authorization) == null) {
            return invalidToken();
        }
        Optional<SimulatedChannel> found = channels.simulatedByPhoneNumberId(phoneNumberId);
        if (found.isEmpty()) {
            return invalidToken();
        }
        SimulatedChannel channel = found.get();
        if (!tokenMatches(authorization, channel)) {
            return invalidToken();
        }
        JsonNode payload;
        try {
            payload = body == null || body.length == 0 ? null : json.readTree(body);
        }
        catch (RuntimeException ex) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            return invalidParameter("(#100) Invalid parameter");
        }
        if (!"whatsapp".equals(payload.path("messaging_product").asString(""))) {
            return invalidParameter("(#100) The parameter messaging_product is required.");
        }
        if (payload.has("status")) { // a read receipt: {"messaging_product":"whatsapp","status":"read","message_id":...}
            String wamid = payload.path("message_id").asString("");
            if (!"read".equals(payload.path("status").asString("")) || wamid.isBlank() || !simulator.readByBusiness(channel, wamid)) {
                return invalidParameter("(#100) Invalid parameter");
            }
            return new Answer(200, Map.of("success", true));
        }
        String to = payload.path("to").asString("").replaceAll("[^0-9]", "");
        if (to.length() < 8 || to.length() > 15) {
            return invalidParameter("(#100) The parameter to is required.");
        }
        String type = payload.path("type").asString("text");
        if (!TYPES.contains(type) || !payload.has(type)) {
            return invalidParameter("(#100) Param " + type + " must be a valid message type");
        }
        Simulator.ThreadMessage kept = simulator.received(channel, to, payload);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messaging_product", "whatsapp");
        answer.put("contacts", java.util.List.of(Map.of("input", payload.path("to").asString(), "wa_id", to)));
        answer.put("messages", java.util.List.of("template".equals(type)
                ? Map.of("id", kept.wamid(), "message_status", "accepted") : Map.of("id", kept.wamid())));
        return new Answer(200, answer);
    }

    /** Media the platform uploads to send by id, as Meta takes it: multipart {@code messaging_product}, {@code type}, {@code file}. */
    public Answer upload(String phoneNumberId, String authorization, String messagingProduct, String type, byte[] bytes,
            String filename) {
        if (bearer(authorization) == null) {
            return invalidToken();
        }
        Optional<SimulatedChannel> found = channels.simulatedByPhoneNumberId(phoneNumberId);
        if (found.isEmpty()) {
            return invalidToken();
        }
        if (!tokenMatches(authorization, found.get())) {
            return invalidToken();
        }
        if (!"whatsapp".equals(messagingProduct)) {
            return invalidParameter("(#100) The parameter messaging_product is required.");
        }
        if (bytes == null || bytes.length == 0) {
            return invalidParameter("(#100) The parameter file is required.");
        }
        if (type == null || !type.matches("[a-z]+/[a-zA-Z0-9.+-]+")) {
            return invalidParameter("(#100) Param type must be a valid MIME type");
        }
        return new Answer(200, Map.of("id", simulator.uploaded(found.get(), bytes, type, filename)));
    }

    /** {@code GET /{waba-id}/message_templates}: the simulated account's templates, filtered by status as Meta does. */
    public Answer templates(String wabaId, String authorization, String status) {
        if (bearer(authorization) == null) {
            return invalidToken();
        }
        java.util.List<SimulatedChannel> found = channels.simulatedByWabaId(wabaId);
        if (found.isEmpty()) {
            return invalidToken();
        }
        if (found.stream().noneMatch(c -> tokenMatches(authorization, c))) {
            return invalidToken();
        }
        java.util.List<Map<String, Object>> data = TEMPLATES.stream()
            .filter(t -> status == null || status.isBlank() || status.equalsIgnoreCase((String) t.get("status"))).toList();
        return new Answer(200, Map.of("data", data, "paging", Map.of("cursors", Map.of("before", "MAZDZD", "after", "MjQZD"))));
    }

    /** The simulated account's message templates: what Ambiotec would have approved by Meta. */
    static final java.util.List<Map<String, Object>> TEMPLATES = java.util.List.of(
            template("100000000000001", "recordatorio_visita", "UTILITY", "APPROVED",
                    "Hola {{1}}, le recordamos que Ambiotec le visitará el {{2}} entre {{3}}. Responda a este mensaje si necesita cambiar la hora."),
            template("100000000000002", "cotizacion_enviada", "UTILITY", "APPROVED",
                    "Hola {{1}}, le enviamos la cotización {{2}} por un total de {{3}}. ¿Tiene alguna pregunta?"),
            template("100000000000003", "seguimiento_servicio", "MARKETING", "APPROVED",
                    "Hola {{1}}, ¿cómo le fue con el servicio de {{2}}? Su opinión nos ayuda a mejorar."),
            template("100000000000004", "promocion_temporada", "MARKETING", "REJECTED",
                    "¡Aproveche nuestra promoción de fin de año en sanitarios portátiles!"));

    private static Map<String, Object> template(String id, String name, String category, String status, String body) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("language", "es");
        t.put("category", category);
        t.put("status", status);
        t.put("components", java.util.List.of(Map.of("type", "BODY", "text", body)));
        t.put("id", id);
        return t;
    }

    /** {@code GET /{media-id}}: where to download it (a URL under {@code mediaBaseUrl}), its type, size and sha256. */
    public Answer media(String mediaId, String authorization, String mediaBaseUrl) {
        if (bearer(authorization) == null) {
            return invalidToken();
        }
        Optional<Simulator.SimulatedMedia> found = simulator.media(mediaId);
        if (found.isEmpty()) {
            return invalidToken();
        }
        if (!tokenMatches(authorization, found.get().channel())) {
            return invalidToken();
        }
        Simulator.Media media = found.get().media();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("url", mediaBaseUrl + "/" + mediaId);
        body.put("mime_type", media.mimeType());
        body.put("sha256", media.sha256());
        body.put("file_size", media.bytes().length);
        body.put("id", mediaId);
        return new Answer(200, body);
    }

    public Download download(String mediaId, String authorization) {
        if (bearer(authorization) == null) {
            return new Download(invalidToken(), null);
        }
        Optional<Simulator.SimulatedMedia> found = simulator.media(mediaId);
        if (found.isEmpty()) {
            return new Download(invalidToken(), null);
        }
        if (!tokenMatches(authorization, found.get().channel())) {
            return new Download(invalidToken(), null);
        }
        return new Download(null, found.get().media());
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static boolean tokenMatches(String authorization, SimulatedChannel channel) {
        return channel.accessToken() != null && MessageDigest.isEqual(bearer(authorization).getBytes(StandardCharsets.UTF_8),
                channel.accessToken().getBytes(StandardCharsets.UTF_8));
    }

    static Answer invalidToken() {
        return new Answer(401, error("Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, null));
    }

    public static Answer rateLimited() {
        return new Answer(429, error("(#4) Application request limit reached", "OAuthException", 4, null));
    }

    static Answer invalidParameter(String message) {
        return new Answer(400, error(message, "OAuthException", 100, null));
    }

    private static Map<String, Object> error(String message, String type, int code, Integer subcode) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", "Sim" + Long.toString(System.nanoTime(), 36));
        return Map.of("error", error);
    }
}
