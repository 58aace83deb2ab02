package com.ambiosys.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one permission an endpoint requires ({@code module:action}), or {@link #AUTHENTICATED} for any
 * signed-in user. Checked before the request body is read or validated, so a caller without the
 * permission learns nothing about what the endpoint would accept. Every API endpoint declares either
 * this or {@link PublicEndpoint}; one that declares neither is refused.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {

    String AUTHENTICATED = "authenticated";

    String value();
}
