package com.ambiosys.inbox.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.ambiosys.inbox.InboxStream;
import com.ambiosys.platform.security.CurrentUsers;
import com.ambiosys.platform.security.RequiresPermission;

/**
 * {@code GET /api/v1/inbox/stream}: Server-Sent Events for staff ({@code message.new},
 * {@code message.status}, {@code conversation.updated}, {@code conversation.assigned}); send
 * {@code Last-Event-ID} after a reconnect to get what was missed. The stream ends when its user loses the right
 * to it (see {@link InboxStream}).
 */
@RestController
class InboxStreamController {

    private final InboxStream stream;

    InboxStreamController(InboxStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = "/api/v1/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RequiresPermission(InboxStream.PERMISSION)
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long last = null;
        if (lastEventId != null && lastEventId.matches("[0-9]{1,18}")) {
            last = Long.parseLong(lastEventId);
        }
        return stream.connect(CurrentUsers.require(), last);
    }
}
