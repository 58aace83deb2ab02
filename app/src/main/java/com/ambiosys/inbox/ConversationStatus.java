package com.ambiosys.inbox;

/** Where a conversation stands; snoozed until a time or the contact's next message. The API's and the table's words. */
public enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED
}
