package com.ambiosys.inbox.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.inbox.AssignmentMode;
import com.ambiosys.inbox.ChannelTemplates;
import com.ambiosys.inbox.Channels;
import com.ambiosys.platform.security.RequiresPermission;

@RestController
@RequestMapping("/api/v1/inbox/channels")
class ChannelController {

    record WhatsAppRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Pattern(regexp = "[0-9]{5,30}") String phoneNumberId,
            @Pattern(regexp = "[0-9]{5,30}") String wabaId, @Size(max = 30) String displayPhone,
            @Size(min = 10, max = 1000) String accessToken, @Size(min = 8, max = 200) String appSecret,
            @Size(min = 8, max = 200) String verifyToken, Boolean active, @Valid AssignmentRequest assignment,
            Boolean simulated) {

        Channels.WhatsAppSettings settings() {
            return new Channels.WhatsAppSettings(name, phoneNumberId, wabaId, displayPhone, accessToken, appSecret,
                    verifyToken, active, assignment == null ? null : new Channels.Assignment(assignment.mode(),
                            assignment.teamId()), simulated);
        }
    }

    record AssignmentRequest(@NotNull AssignmentMode mode, UUID teamId) {
    }

    private final Channels channels;
    private final ChannelTemplates templates;

    ChannelController(Channels channels, ChannelTemplates templates) {
        this.channels = channels;
        this.templates = templates;
    }

    /** The channel's approved WhatsApp templates (from Meta, kept a few minutes). */
    @GetMapping("/{id}/templates")
    @RequiresPermission("inbox:view")
    List<ChannelTemplates.Template> templates(@PathVariable UUID id) {
        return templates.approved(id);
    }

    @GetMapping
    @RequiresPermission("inbox:view")
    List<Channels.Channel> list() {
        return channels.list();
    }

    @GetMapping("/{id}")
    @RequiresPermission("inbox:view")
    Channels.Channel get(@PathVariable UUID id) {
        return channels.get(id);
    }

    @PostMapping("/whatsapp")
    @RequiresPermission("inbox:manage")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Channels.Channel> create(@Valid @RequestBody WhatsAppRequest body) {
        if (body.accessToken() == null || body.appSecret() == null || body.verifyToken() == null) {
            throw com.ambiosys.platform.web.ApiException.badRequest("channel-secrets-required");
        }
        Channels.Channel created = channels.createWhatsApp(body.settings());
        return ResponseEntity.created(URI.create("/api/v1/inbox/channels/" + created.id())).body(created);
    }

    @PutMapping("/{id}/whatsapp")
    @RequiresPermission("inbox:manage")
    Channels.Channel update(@PathVariable UUID id, @Valid @RequestBody WhatsAppRequest body) {
        return channels.updateWhatsApp(id, body.settings());
    }
}
