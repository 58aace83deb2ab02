package com.ambiosys.inbox.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import com.ambiosys.inbox.CannedResponses;
import com.ambiosys.platform.security.RequiresPermission;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

/** Canned responses with short codes, for the composer. */
@RestController
@RequestMapping("/api/v1/inbox/canned-responses")
class CannedResponseController {

    record CannedRequest(@NotNull @Pattern(regexp = "^[a-z0-9_-]{2,30}$") String shortCode,
            @NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 4096) String body) {

        CannedResponses.Draft draft() {
            return new CannedResponses.Draft(shortCode, title, body);
        }
    }

    record CannedFilter(@Size(max = 100) String q) {
    }

    private final CannedResponses canned;

    CannedResponseController(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping
    @RequiresPermission("inbox:view")
    PageResponse<CannedResponses.CannedResponse> list(@Valid CannedFilter filter, @Valid PageQuery page) {
        return canned.list(filter.q(), page);
    }

    @GetMapping("/{id}")
    @RequiresPermission("inbox:view")
    CannedResponses.CannedResponse get(@PathVariable UUID id) {
        return canned.get(id);
    }

    @PostMapping
    @RequiresPermission("inbox:manage")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CannedResponses.CannedResponse> create(@Valid @RequestBody CannedRequest body) {
        CannedResponses.CannedResponse created = canned.create(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/inbox/canned-responses/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("inbox:manage")
    CannedResponses.CannedResponse update(@PathVariable UUID id, @Valid @RequestBody CannedRequest body) {
        return canned.update(id, body.draft());
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("inbox:manage")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        canned.delete(id);
        return ResponseEntity.noContent().build();
    }
}
