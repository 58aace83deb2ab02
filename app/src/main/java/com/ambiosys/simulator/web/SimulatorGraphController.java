package com.ambiosys.simulator.web;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.ambiosys.platform.security.PublicEndpoint;
import com.ambiosys.simulator.SimulatedGraph;
import com.ambiosys.simulator.SimulatorEnabled;

/**
 * Meta's Graph API for simulated channels: the platform's {@code MetaGraph} calls these for a channel
 * marked simulated. Public like Meta's (no user): authenticated by the channel's access token.
 */
@RestController
@PublicEndpoint
@SimulatorEnabled
class SimulatorGraphController {

    private final SimulatedGraph graph;
    private final GraphThrottle throttle;

    SimulatorGraphController(SimulatedGraph graph, GraphThrottle throttle) {
        this.graph = graph;
        this.throttle = throttle;
    }

    @PostMapping(path = "/simulator/graph/{version:v[0-9]+\\.[0-9]+}/{phoneNumberId}/messages",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> send(@PathVariable String phoneNumberId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return guarded(request, () -> graph.send(phoneNumberId, authorization, body));
    }

    @GetMapping(path = "/simulator/graph/{version:v[0-9]+\\.[0-9]+}/{mediaId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> media(@PathVariable String mediaId,
            @RequestHeader(name = "Authorization", required = false) String authorization, HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/simulator/media").toUriString();
        return guarded(request, () -> graph.media(mediaId, authorization, base));
    }

    @PostMapping(path = "/simulator/graph/{version:v[0-9]+\\.[0-9]+}/{phoneNumberId}/media",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> upload(@PathVariable String phoneNumberId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "messaging_product", required = false) String messagingProduct,
            @RequestParam(name = "type", required = false) String type,
            @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request)
            throws java.io.IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        return guarded(request, () -> graph.upload(phoneNumberId, authorization, messagingProduct, type, bytes,
                file == null ? null : file.getOriginalFilename()));
    }

    @GetMapping(path = "/simulator/graph/{version:v[0-9]+\\.[0-9]+}/{wabaId}/message_templates",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> templates(@PathVariable String wabaId,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(name = "status", required = false) String status, HttpServletRequest request) {
        return guarded(request, () -> graph.templates(wabaId, authorization, status));
    }

    /** The media URL (Meta's lookaside host): the bytes, to the same token. */
    @GetMapping("/simulator/media/{mediaId}")
    ResponseEntity<?> download(@PathVariable String mediaId,
            @RequestHeader(name = "Authorization", required = false) String authorization, HttpServletRequest request) {
        if (throttle.exhausted(request.getRemoteAddr())) {
            return answer(SimulatedGraph.rateLimited());
        }
        SimulatedGraph.Download download = graph.download(mediaId, authorization);
        if (download.error() != null) {
            throttle.failed(request.getRemoteAddr());
            return answer(download.error());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.media().mimeType()))
            .body(download.media().bytes());
    }

    /** Refused at once from an IP that spent its failed attempts; a failed authentication spends one. */
    private ResponseEntity<Map<String, Object>> guarded(HttpServletRequest request, Supplier<SimulatedGraph.Answer> call) {
        String ip = request.getRemoteAddr();
        if (throttle.exhausted(ip)) {
            return answer(SimulatedGraph.rateLimited());
        }
        SimulatedGraph.Answer answer = call.get();
        if (answer.status() == 401) {
            throttle.failed(ip);
        }
        return answer(answer);
    }

    private static ResponseEntity<Map<String, Object>> answer(SimulatedGraph.Answer answer) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON);
        if (answer.status() == 401) {
            builder.header("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token\"");
        }
        return builder.body(answer.body());
    }
}
