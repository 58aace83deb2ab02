package com.ambiosys.audit.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import com.ambiosys.platform.security.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.ambiosys.audit.AuditAction;
import com.ambiosys.audit.AuditEntry;
import com.ambiosys.audit.AuditLog;
import com.ambiosys.audit.AuditQuery;
import com.ambiosys.platform.web.PageQuery;
import com.ambiosys.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/audit-log")
class AuditLogController {

    private final AuditLog auditLog;

    AuditLogController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @RequiresPermission("audit:view")
    PageResponse<AuditEntry> list(@RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Valid PageQuery page) {
        return auditLog.find(new AuditQuery(entityType, entityId, actorId, action, from, to), page);
    }
}
