package com.ambiosys.inbox.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.inbox.AgentPresence;
import com.ambiosys.inbox.PresenceStatus;
import com.ambiosys.platform.security.RequiresPermission;

/** Agents of the inbox: the caller's own presence, and who is online with how much work. */
@RestController
class AgentController {

    record PresenceRequest(@NotNull PresenceStatus status) {
    }

    private final AgentPresence presence;

    AgentController(AgentPresence presence) {
        this.presence = presence;
    }

    @PutMapping("/api/v1/inbox/presence")
    @RequiresPermission("inbox:reply")
    AgentPresence.Agent presence(@Valid @RequestBody PresenceRequest body) {
        return presence.setStatus(body.status());
    }

    @GetMapping("/api/v1/inbox/agents")
    @RequiresPermission("inbox:view")
    List<AgentPresence.Agent> agents() {
        return presence.agents();
    }
}
