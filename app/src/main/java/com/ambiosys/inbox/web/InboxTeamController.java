package com.ambiosys.inbox.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.inbox.InboxTeams;
import com.ambiosys.platform.security.RequiresPermission;

/** Teams of agents. */
@RestController
@RequestMapping("/api/v1/inbox/teams")
class InboxTeamController {

    record TeamRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 200) List<@NotNull UUID> memberIds) {
    }

    private final InboxTeams teams;

    InboxTeamController(InboxTeams teams) {
        this.teams = teams;
    }

    @GetMapping
    @RequiresPermission("inbox:view")
    List<InboxTeams.Team> list() {
        return teams.list();
    }

    @GetMapping("/{id}")
    @RequiresPermission("inbox:view")
    InboxTeams.Team get(@PathVariable UUID id) {
        return teams.get(id);
    }

    @PostMapping
    @RequiresPermission("inbox:manage")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<InboxTeams.Team> create(@Valid @RequestBody TeamRequest body) {
        InboxTeams.Team created = teams.create(body.name(), body.memberIds());
        return ResponseEntity.created(URI.create("/api/v1/inbox/teams/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("inbox:manage")
    InboxTeams.Team update(@PathVariable UUID id, @Valid @RequestBody TeamRequest body) {
        return teams.update(id, body.name(), body.memberIds());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("inbox:manage")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        teams.delete(id);
        return ResponseEntity.noContent().build();
    }
}
