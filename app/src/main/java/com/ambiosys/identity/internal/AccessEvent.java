package com.ambiosys.identity.internal;

public enum AccessEvent {
    LOGIN, LOGIN_FAILED, LOCKED, LOGOUT, REFRESH, REFRESH_REUSED, PASSWORD_RESET_REQUESTED, PASSWORD_RESET
}
