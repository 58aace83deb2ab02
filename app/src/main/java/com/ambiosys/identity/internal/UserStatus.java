package com.ambiosys.identity.internal;

public enum UserStatus {
    ACTIVE, INACTIVE, SUSPENDED, BLOCKED
}
