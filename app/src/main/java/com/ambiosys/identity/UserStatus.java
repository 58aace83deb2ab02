package com.ambiosys.identity;

public enum UserStatus {
    ACTIVE, INACTIVE, SUSPENDED, BLOCKED
}
