package com.ambiosys.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresPermission} before argument binding and validation. Fails closed: an API
 * handler that declares no permission is refused.
 */
public class PermissionInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicEndpoint.class)
                || method.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
            return true;
        }
        RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
        if (required == null) {
            throw new AccessDeniedException("Endpoint declares no permission: " + method);
        }
        CurrentUser user = CurrentUsers.current()
            .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
        if (!RequiresPermission.AUTHENTICATED.equals(required.value()) && !user.can(required.value())) {
            throw new AccessDeniedException("Missing permission " + required.value());
        }
        return true;
    }
}
