package com.ambiosys.files;

import java.util.regex.Pattern;

/**
 * The kind of record a file belongs to ({@code customer}, {@code service_request}): each module that attaches
 * files names its own (see {@link FileOwnerAccess}), so the set is open, but every name is checked once, here.
 */
public record OwnerType(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{1,39}");

    public OwnerType {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An owner type is lower case, 2 to 40 letters or _: " + name);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
