package com.ambiosys.platform.errors;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The thing does not exist for this tenant, or the caller may not see it (another tenant's id included): both
 * answer alike, so an id is never confirmed. {@code entity} names it ({@code customer}, {@code file}); the
 * problem's text uses its translated name ({@code entity.<entity>}).
 */
public class NotFoundException extends DomainException {

    private final String entity;

    public NotFoundException(String entity) {
        super("not-found", new DefaultMessageSourceResolvable(new String[] { "entity." + entity }, entity));
        this.entity = entity;
    }

    public String entity() {
        return entity;
    }
}
