package com.ambiosys.simulator;

/** What the tester sends as a phone: text, the answer to the platform's buttons or list, or a location. */
public enum ReplyType {
    TEXT, BUTTON_REPLY, LIST_REPLY, LOCATION
}
