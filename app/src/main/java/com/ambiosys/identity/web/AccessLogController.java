package com.ambiosys.identity.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import com.ambiosys.platform.security.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.identity.internal.AccessEvent;
import com.ambiosys.identity.internal.AccessLog;
import com.ambiosys.identity.internal.AccessLogEntry;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

@RestController
class AccessLogController {

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/access-log")
    @RequiresPermission("audit:view")
    PageResponse<AccessLogEntry> list(@RequestParam(required = false) UUID userId,
            @RequestParam(required = false) AccessEvent event,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Valid PageQuery page) {
        return accessLog.find(userId, event, from, to, page);
    }
}
