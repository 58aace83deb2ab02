package com.ambiosys.simulator.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.simulator.ReplyType;
import com.ambiosys.simulator.Simulator;
import com.ambiosys.simulator.SimulatorEnabled;

/** The tester's side of the simulator: simulated channels, their phones, and writing as a phone. */
@RestController
@RequestMapping("/api/v1/simulator")
@SimulatorEnabled
class SimulatorController {

    record NewPhone(@NotBlank @Pattern(regexp = "\\+[1-9][0-9]{7,14}") String phone,
            @NotBlank @Size(max = 80) String profileName) {
    }

    record PhoneMessageRequest(@NotNull ReplyType type,
            @Size(max = 4096) String text, UUID replyTo, @Size(max = 256) String optionId,
            @DecimalMin("-90") @DecimalMax("90") Double latitude, @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 200) String name, @Size(max = 500) String address) {
    }

    private final Simulator simulator;

    SimulatorController(Simulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/channels")
    @RequiresPermission("inbox:simulate")
    List<Simulator.SimulatedChannelView> channels() {
        return simulator.channels();
    }

    @GetMapping("/channels/{channelId}/phones")
    @RequiresPermission("inbox:simulate")
    List<Simulator.Phone> phones(@PathVariable UUID channelId) {
        return simulator.phones(channelId);
    }

    @PostMapping("/channels/{channelId}/phones")
    @RequiresPermission("inbox:simulate")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Simulator.Phone> addPhone(@PathVariable UUID channelId, @Valid @RequestBody NewPhone body) {
        Simulator.Phone phone = simulator.addPhone(channelId, body.phone(), body.profileName());
        return ResponseEntity.created(URI.create("/api/v1/simulator/phones/" + phone.id() + "/messages")).body(phone);
    }

    @GetMapping("/phones/{phoneId}/messages")
    @RequiresPermission("inbox:simulate")
    List<Simulator.ThreadMessage> thread(@PathVariable UUID phoneId) {
        return simulator.thread(phoneId);
    }

    @PostMapping("/phones/{phoneId}/messages")
    @RequiresPermission("inbox:simulate")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Simulator.ThreadMessage> send(@PathVariable UUID phoneId, @Valid @RequestBody PhoneMessageRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(simulator.send(phoneId, new Simulator.Reply(body.type(),
                body.text(), body.replyTo(), body.optionId(), body.latitude(), body.longitude(), body.name(), body.address())));
    }

    @PostMapping(path = "/phones/{phoneId}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission("inbox:simulate")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Simulator.ThreadMessage> sendImage(@PathVariable UUID phoneId, @RequestPart("file") MultipartFile file,
            @RequestPart(name = "caption", required = false) String caption) throws IOException {
        if (caption != null && caption.length() > 1024) {
            throw com.ambiosys.platform.web.ApiException.badRequest("simulator-caption-too-long", 1024);
        }
        if (file.getSize() > Simulator.MAX_IMAGE_BYTES) {
            throw com.ambiosys.platform.web.ApiException.badRequest("simulator-invalid-image", Simulator.MAX_IMAGE_BYTES / (1024 * 1024));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(simulator.sendImage(phoneId, file.getBytes(), caption));
    }

    /** The tester has the thread open: what the platform sent is reported read. */
    @PostMapping("/phones/{phoneId}/read")
    @RequiresPermission("inbox:simulate")
    Map<String, Integer> read(@PathVariable UUID phoneId) {
        return Map.of("read", simulator.markRead(phoneId));
    }

    @GetMapping("/phones/{phoneId}/messages/{messageId}/media")
    @RequiresPermission("inbox:simulate")
    ResponseEntity<byte[]> media(@PathVariable UUID phoneId, @PathVariable UUID messageId) {
        Simulator.Media media = simulator.media(phoneId, messageId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(media.mimeType()))
            .header("Cache-Control", "private, max-age=3600").body(media.bytes());
    }
}
