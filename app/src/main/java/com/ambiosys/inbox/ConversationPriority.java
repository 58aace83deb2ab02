package com.ambiosys.inbox;

/** How urgent a conversation is (NORMAL unless staff say otherwise). The API's and the table's words. */
public enum ConversationPriority {
    LOW, NORMAL, HIGH, URGENT
}
