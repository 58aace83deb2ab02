package com.ambiosys.customers.web;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.ambiosys.customers.CustomerStatus;
import com.ambiosys.customers.CustomerViews;

/** The query parameters that filter the customer list and its export: {@code ?q=&status=&ownerId=&tag=&departmentId=}. */
record ListFilter(@Size(max = 100) String q, CustomerStatus status, UUID ownerId,
        @Size(max = 40) String tag, @Pattern(regexp = "(GT|SV)-[0-9]{2}") String departmentId) {

    CustomerViews.CustomerFilter criteria() {
        return new CustomerViews.CustomerFilter(q, status, ownerId, tag, departmentId);
    }
}
