package com.ambiosys.servicerequests;

/** How a service request reached the company. The names are the API's and the table's words. */
public enum RequestChannel {
    WHATSAPP, WEB, PHONE, EMAIL, WALK_IN, OTHER
}
