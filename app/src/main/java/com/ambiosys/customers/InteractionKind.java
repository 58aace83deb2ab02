package com.ambiosys.customers;

/** How an interaction with a customer happened (a message: a conversation of the inbox). The API's and the table's words. */
public enum InteractionKind {
    CALL, VISIT, EMAIL, NOTE, MESSAGE
}
