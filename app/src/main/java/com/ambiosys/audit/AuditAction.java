package com.ambiosys.audit;

public enum AuditAction {
    CREATE, UPDATE, DELETE, SECURITY
}
