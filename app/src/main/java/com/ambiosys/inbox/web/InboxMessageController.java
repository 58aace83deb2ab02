package com.ambiosys.inbox.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.inbox.OutgoingMessage;
import com.ambiosys.inbox.WhatsAppSender;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.ApiException;

/** A contact's thread and sending to it. */
@RestController
@Validated
@RequestMapping("/api/v1/inbox/contacts/{contactId}/messages")
class InboxMessageController {

    /** The kinds of message an agent sends, as the API names them; each is one kind of {@link OutgoingMessage}. */
    enum MessageType {
        TEXT, BUTTONS, LIST, TEMPLATE, IMAGE, DOCUMENT, AUDIO, VIDEO
    }

    record AgentMessageRequest(@NotNull MessageType type,
            @Size(max = 4096) String text, @Size(max = 10) List<OutgoingMessage.ReplyButton> buttons,
            @Size(max = 20) String listButton, @Size(max = 10) List<OutgoingMessage.ListSection> sections,
            @Size(max = 512) String templateName, @Pattern(regexp = "[a-z]{2}(_[A-Z]{2})?") String templateLanguage,
            @Size(max = 20) List<@Size(max = 1024) String> templateParameters, UUID fileId,
            @Size(max = 1024) String caption, @Size(max = 240) String filename, UUID replyToMessageId) {

        /** The message of the kind its type names, from the fields that kind takes (checked as it is made). */
        OutgoingMessage message() {
            return switch (type) {
                case TEXT -> new OutgoingMessage.Text(text);
                case BUTTONS -> new OutgoingMessage.Buttons(text, buttons);
                case LIST -> new OutgoingMessage.OptionList(text, listButton, sections);
                case TEMPLATE -> new OutgoingMessage.Template(templateName, templateLanguage, templateParameters);
                case IMAGE, DOCUMENT, AUDIO, VIDEO -> new OutgoingMessage.Media(
                        OutgoingMessage.MediaKind.valueOf(type.name()), fileId, caption, filename);
            };
        }
    }

    private final WhatsAppSender sender;

    InboxMessageController(WhatsAppSender sender) {
        this.sender = sender;
    }

    @GetMapping
    @RequiresPermission("inbox:view")
    List<WhatsAppSender.Message> thread(@PathVariable UUID contactId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, @RequestParam(required = false) UUID before) {
        return sender.thread(contactId, limit, before);
    }

    /** Sends once per {@code Idempotency-Key}: repeating the key answers the message already sent. */
    @PostMapping
    @RequiresPermission("inbox:reply")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<WhatsAppSender.Message> send(@PathVariable UUID contactId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @Valid @RequestBody AgentMessageRequest body) {
        if (key == null || key.isBlank() || key.length() > 100) {
            throw ApiException.badRequest("idempotency-key-required");
        }
        WhatsAppSender.Message message = sender.send(contactId, body.message(), body.replyToMessageId(), key.trim());
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }
}
