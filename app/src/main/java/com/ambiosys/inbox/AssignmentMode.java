package com.ambiosys.inbox;

/** How a channel's new conversations get an agent: by hand, or in turn among a team's online agents. */
public enum AssignmentMode {
    MANUAL, ROUND_ROBIN
}
