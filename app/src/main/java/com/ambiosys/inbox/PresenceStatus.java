package com.ambiosys.inbox;

/** What an agent chose: to take conversations or not. The names are the API's and the table's words. */
public enum PresenceStatus {
    ONLINE, AWAY
}
