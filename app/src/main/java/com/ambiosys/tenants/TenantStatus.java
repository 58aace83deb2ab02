package com.ambiosys.tenants;

public enum TenantStatus {
    ACTIVE, SUSPENDED
}
