package com.ambiosys.inbox.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.inbox.ConversationPriority;
import com.ambiosys.inbox.ConversationStatus;
import com.ambiosys.inbox.Conversations;
import com.ambiosys.inbox.ReadReceipts;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

@RestController
class ConversationController {

    record ConversationFilter(ConversationStatus status, UUID assigneeId,
            @Size(max = 40) String label, UUID channelId, Boolean unassigned, UUID teamId, UUID customerId) {
    }

    record ConversationStatusRequest(@NotNull ConversationStatus status, Instant snoozedUntil) {
    }

    /** Both null: unassigned. */
    record AssigneeRequest(UUID assigneeId, UUID teamId) {
    }

    record LabelsRequest(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 40) String> labels,
            ConversationPriority priority) {
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String body) {
    }

    record CustomerLink(UUID customerId) {
    }

    private final Conversations conversations;
    private final ReadReceipts receipts;

    ConversationController(Conversations conversations, ReadReceipts receipts) {
        this.conversations = conversations;
        this.receipts = receipts;
    }

    @GetMapping("/api/v1/inbox/conversations")
    @RequiresPermission("inbox:view")
    PageResponse<Conversations.ConversationSummary> list(@Valid ConversationFilter filter, @Valid PageQuery page) {
        return conversations.list(new Conversations.Filter(filter.status(), filter.assigneeId(), filter.label(),
                filter.channelId(), filter.unassigned(), filter.teamId(), filter.customerId()), page);
    }

    @GetMapping("/api/v1/inbox/conversations/{id}")
    @RequiresPermission("inbox:view")
    Conversations.Conversation get(@PathVariable UUID id) {
        return conversations.get(id);
    }

    /**
     * The agent opened the conversation: the contact's messages are reported read on WhatsApp (blue ticks). Only
     * who may answer: a manager who only looks does not tell the contact they were read.
     */
    @PostMapping("/api/v1/inbox/conversations/{id}/read")
    @RequiresPermission("inbox:reply")
    ReadReceipts.Receipt read(@PathVariable UUID id) {
        return receipts.conversationOpened(id);
    }

    @PutMapping("/api/v1/inbox/conversations/{id}/status")
    @RequiresPermission("inbox:reply")
    Conversations.Conversation status(@PathVariable UUID id, @Valid @RequestBody ConversationStatusRequest body) {
        return conversations.changeStatus(id, body.status(), body.snoozedUntil());
    }

    @PutMapping("/api/v1/inbox/conversations/{id}/assignee")
    @RequiresPermission("inbox:assign")
    Conversations.Conversation assign(@PathVariable UUID id, @Valid @RequestBody AssigneeRequest body) {
        return conversations.assign(id, body.assigneeId(), body.teamId());
    }

    @PutMapping("/api/v1/inbox/conversations/{id}/labels")
    @RequiresPermission("inbox:reply")
    Conversations.Conversation labels(@PathVariable UUID id, @Valid @RequestBody LabelsRequest body) {
        return conversations.label(id, body.labels(), body.priority());
    }

    @PostMapping("/api/v1/inbox/conversations/{id}/notes")
    @RequiresPermission("inbox:reply")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Conversations.Note> note(@PathVariable UUID id, @Valid @RequestBody NoteRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(conversations.addNote(id, body.body()));
    }

    @PutMapping("/api/v1/inbox/contacts/{contactId}/customer")
    @RequiresPermission("inbox:reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> linkCustomer(@PathVariable UUID contactId, @Valid @RequestBody CustomerLink body) {
        conversations.linkCustomer(contactId, body.customerId());
        return ResponseEntity.noContent().build();
    }
}
